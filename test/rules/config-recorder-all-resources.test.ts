import rule from '../../rules/detective-controls/config-recorder-all-resources';
import { testRule } from '../helpers/rule-tester';

const channel = '  Channel:\n    Type: AWS::Config::DeliveryChannel\n    Properties:\n      S3BucketName: config-history\n';
const recorder = (properties: string, after = channel) => `Resources:\n  Recorder:\n    Type: AWS::Config::ConfigurationRecorder\n    Properties:\n      RoleARN: arn:aws:iam::123456789012:role/config\n${properties}${after}`;

testRule(rule, {
  valid: [
    { name: 'no recording group: all supported types', code: recorder('') },
    { name: 'all supported, global types included', code: recorder('      RecordingGroup:\n        AllSupported: true\n        IncludeGlobalResourceTypes: true\n') },
    { name: 'all supported through the recording strategy', code: recorder('      RecordingGroup:\n        AllSupported: true\n        RecordingStrategy:\n          UseOnly: ALL_SUPPORTED_RESOURCE_TYPES\n') },
    { name: 'all supported from an import', code: recorder('      RecordingGroup:\n        AllSupported: !ImportValue record-all\n') },
    { name: 'JSON, with a delivery channel', file: 't.json', code: '{"Resources": {"Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": {"RecordingGroup": {"AllSupported": true}}}, "Channel": {"Type": "AWS::Config::DeliveryChannel", "Properties": {"S3BucketName": "b"}}}}' },
  ],
  invalid: [
    {
      name: 'a list of types: the fix records all, not preferred',
      code: recorder('      RecordingGroup:\n        AllSupported: false\n        ResourceTypes: [AWS::EC2::Instance]\n'),
      findings: [{ range: '7:23-7:28', message: 'Recorder records only some resource types: RecordingGroup.AllSupported is false.' }],
      output: recorder('      RecordingGroup:\n        AllSupported: true\n'),
    },
    {
      name: 'AllSupported left out beside an exclusion strategy',
      code: recorder('      RecordingGroup:\n        ExclusionByResourceTypes:\n          ResourceTypes: [AWS::EC2::Volume]\n        RecordingStrategy:\n          UseOnly: EXCLUSION_BY_RESOURCE_TYPES\n'),
      findings: [{ range: '7:9-7:33', message: 'Recorder records only some resource types: RecordingGroup.AllSupported is not set and ExclusionByResourceTypes chooses the types.' }],
      output: recorder('      RecordingGroup:\n        AllSupported: true\n'),
    },
    {
      name: 'off from a parameter default',
      code: `Parameters:\n  All:\n    Type: String\n    Default: "false"\n${recorder('      RecordingGroup:\n        AllSupported: !Ref All\n')}`,
      findings: [{ range: '11:23-11:31', message: 'Recorder records only some resource types: RecordingGroup.AllSupported is false (from the default of parameter All).' }],
      output: `Parameters:\n  All:\n    Type: String\n    Default: "true"\n${recorder('      RecordingGroup:\n        AllSupported: !Ref All\n')}`,
    },
    {
      name: 'off in one branch of !If',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${recorder('      RecordingGroup:\n        AllSupported: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '9:23-9:48', message: 'Recorder records only some resource types: RecordingGroup.AllSupported is false (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${recorder('      RecordingGroup:\n        AllSupported: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'no delivery channel in the template',
      code: recorder('', ''),
      findings: [{ range: '2:3-2:11', message: 'Recorder records nothing until a delivery channel exists, and the template defines no AWS::Config::DeliveryChannel.' }],
      output: null,
    },
    {
      name: 'JSON, a list of types and no channel',
      file: 't.json',
      code: '{"Resources": {"Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": {"RecordingGroup": {"AllSupported": false, "ResourceTypes": ["AWS::S3::Bucket"]}}}}}',
      findings: [{ range: '1:16-1:26' }, { range: '1:125-1:130' }],
      output: '{"Resources": {"Recorder": {"Type": "AWS::Config::ConfigurationRecorder", "Properties": {"RecordingGroup": {"AllSupported": true}}}}}',
    },
  ],
});

testRule(
  rule,
  {
    valid: [{ name: 'global types required and recorded', code: recorder('      RecordingGroup:\n        AllSupported: true\n        IncludeGlobalResourceTypes: true\n') }],
    invalid: [
      {
        name: 'global types required, no recording group: the fix records all types, global ones included',
        code: recorder(''),
        findings: [{ range: '4:5-4:15', message: 'Recorder does not record the global IAM resource types: RecordingGroup is not set, which leaves them out.' }],
        output: recorder('      RecordingGroup:\n        AllSupported: true\n        IncludeGlobalResourceTypes: true\n'),
      },
      {
        name: 'global types required, left out',
        code: recorder('      RecordingGroup:\n        AllSupported: true\n'),
        findings: [{ range: '6:7-6:21', message: 'Recorder does not record the global IAM resource types: RecordingGroup.IncludeGlobalResourceTypes is not set and defaults to false.' }],
        output: recorder('      RecordingGroup:\n        AllSupported: true\n        IncludeGlobalResourceTypes: true\n'),
      },
    ],
  },
  { requireGlobalResourceTypes: true },
);
