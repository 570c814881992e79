import rule from '../../rules/detective-controls/security-hub-enabled';
import { testRule } from '../helpers/rule-tester';

const detector = '  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n';
const recorder = '  Recorder:\n    Type: AWS::Config::ConfigurationRecorder\n    Properties:\n      RoleARN: arn:aws:iam::123456789012:role/config\n';
const trail = '  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: true\n      IsOrganizationTrail: true\n      S3BucketName: audit\n';
const hub = '  Hub:\n    Type: AWS::SecurityHub::Hub\n';
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;

testRule(rule, {
  valid: [
    { name: 'no account-level security service', code: template('  Queue:\n    Type: AWS::SQS::Queue\n') },
    { name: 'GuardDuty and a hub', code: template(detector, hub) },
    { name: 'a multi-region trail alone is not the account baseline (so the multi-region fix raises nothing here)', code: template('  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      IsMultiRegionTrail: true\n      S3BucketName: audit\n') },
    { name: 'a single-region trail is a workload\'s, not the account baseline', code: template('  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      S3BucketName: audit\n') },
    { name: 'a standard subscription: the hub is handled here', code: template(recorder, '  Standard:\n    Type: AWS::SecurityHub::Standard\n    Properties:\n      StandardsArn: arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0\n') },
    { name: 'JSON, a detector and a hub', file: 't.json', code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}, "Hub": {"Type": "AWS::SecurityHub::Hub"}}}' },
  ],
  invalid: [
    {
      name: 'GuardDuty without a hub',
      code: template(detector),
      findings: [{ range: '2:3-2:11', message: 'The template sets up GuardDuty but not Security Hub: it defines no AWS::SecurityHub::Hub to gather their findings.' }],
      output: null,
    },
    {
      name: 'three services: anchored on the first',
      code: template(trail, recorder, detector),
      findings: [{ range: '2:3-2:8', message: 'The template sets up CloudTrail, AWS Config and GuardDuty but not Security Hub: it defines no AWS::SecurityHub::Hub to gather their findings.' }],
      output: null,
    },
    {
      name: 'JSON, a recorder without a hub',
      file: 't.json',
      code: '{"Resources": {"Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": {}}}}',
      findings: [{ range: '1:16-1:26' }],
      output: null,
    },
  ],
});
