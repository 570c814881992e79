import rule from '../../rules/incident-response/guardduty-findings-routed';
import { testRule } from '../helpers/rule-tester';

const detector = (enable = 'true') => `  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: ${enable}\n`;
const eventRule = (pattern: string, state = '') => `  Findings:\n    Type: AWS::Events::Rule\n    Properties:\n${state}      EventPattern:\n${pattern}      Targets:\n        - Id: sns\n          Arn: arn:aws:sns:eu-west-1:123456789012:on-call\n`;
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;

testRule(rule, {
  valid: [
    { name: 'no detector', code: template(eventRule('        source: [aws.s3]\n')) },
    { name: 'a rule on GuardDuty findings', code: template(detector(), eventRule('        source: [aws.guardduty]\n        detail-type: [GuardDuty Finding]\n')) },
    { name: 'a rule on Security Hub findings', code: template(detector(), eventRule('        source:\n          - aws.securityhub\n')) },
    { name: 'a prefix that covers GuardDuty', code: template(detector(), eventRule('        source: [{ prefix: aws. }]\n')) },
    { name: 'a pattern as a JSON string', code: template(detector(), eventRule('          \'{"source": ["aws.guardduty"]}\'\n')) },
    { name: 'a source from a parameter without default', code: `Parameters:\n  Source:\n    Type: String\n${template(detector(), eventRule('        source: [!Ref Source]\n'))}` },
    { name: 'a suspended detector has nothing to route', code: template(detector('false')) },
    {
      name: 'a SAM function on GuardDuty events',
      code: `Transform: AWS::Serverless-2016-10-31\n${template(detector(), '  Responder:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src/\n      Events:\n        Findings:\n          Type: EventBridgeRule\n          Properties:\n            Pattern:\n              source: [aws.guardduty]\n')}`,
    },
    { name: 'JSON, routed', file: 't.json', code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}, "R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.guardduty"]}}}}}' },
  ],
  invalid: [
    {
      name: 'a detector alone',
      code: template(detector()),
      findings: [{ range: '2:3-2:11', message: 'Detector raises GuardDuty findings that go nowhere: no EventBridge rule in the template matches source aws.guardduty.' }],
      output: null,
    },
    { name: 'a rule on other events', code: template(detector(), eventRule('        source: [aws.ec2]\n')), findings: [{ range: '2:3-2:11' }], output: null },
    { name: 'a disabled rule', code: template(detector(), eventRule('        source: [aws.guardduty]\n', '      State: DISABLED\n')), findings: [{ range: '2:3-2:11' }], output: null },
    {
      name: 'GuardDuty only in one branch of !If does not count in the other; neither branch here',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${template(detector('!If [IsProd, true, false]'), eventRule('        source: !If [IsProd, [aws.ec2], [aws.s3]]\n'))}`,
      findings: [{ range: '4:3-4:11' }],
      output: null,
    },
    {
      name: 'JSON, a detector alone',
      file: 't.json',
      code: '{"Resources": {"Detector": {"Type": "AWS::GuardDuty::Detector", "Properties": {"Enable": true}}}}',
      findings: [{ range: '1:16-1:26' }],
      output: null,
    },
  ],
});
