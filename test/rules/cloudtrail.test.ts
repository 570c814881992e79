import logFileValidation from '../../rules/incident-response/cloudtrail-log-file-validation-enabled';
import multiRegion from '../../rules/detective-controls/cloudtrail-multi-region-enabled';
import kmsEncryption from '../../rules/detective-controls/cloudtrail-kms-encryption-enabled';
import cloudWatchLogs from '../../rules/detective-controls/cloudtrail-cloudwatch-logs-enabled';
import logging from '../../rules/detective-controls/cloudtrail-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const trail = (properties: string) => `Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n${properties}`;

testRule(logFileValidation, {
  valid: [
    { name: 'validation on', code: trail('      EnableLogFileValidation: true\n') },
    { name: 'validation on, JSON', file: 't.json', code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "EnableLogFileValidation": true}}}}' },
  ],
  invalid: [
    {
      name: 'validation missing',
      code: trail('      IsMultiRegionTrail: true\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not turn on log file validation: EnableLogFileValidation is not set and defaults to false.' }],
      output: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: true\n'),
    },
    {
      name: 'validation off',
      code: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: "false"\n'),
      findings: [{ range: '7:32-7:39' }],
      output: trail('      IsMultiRegionTrail: true\n      EnableLogFileValidation: "true"\n'),
    },
    {
      name: 'flow-style Properties in YAML',
      code: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: { IsLogging: true, IsMultiRegionTrail: true }\n',
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties: { IsLogging: true, IsMultiRegionTrail: true, EnableLogFileValidation: true }\n',
    },
  ],
});

testRule(multiRegion, {
  valid: [
    { name: 'multi-Region', code: trail('      IsMultiRegionTrail: true\n') },
    { name: 'unknown value from an import', code: trail('      IsMultiRegionTrail: !ImportValue shared-multi-region\n') },
  ],
  invalid: [
    {
      name: 'single Region by default',
      code: trail('      EnableLogFileValidation: true\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not turn on logging in every Region: IsMultiRegionTrail is not set and defaults to false.' }],
      output: trail('      EnableLogFileValidation: true\n      IsMultiRegionTrail: true\n'),
    },
    {
      name: 'single Region in JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {"IsLogging": true, "EnableLogFileValidation": true, "IsMultiRegionTrail": false}\n    }\n  }\n}\n',
      findings: [{ range: '5:96-5:101' }],
      output: '{\n  "Resources": {\n    "Trail": {\n      "Type": "AWS::CloudTrail::Trail",\n      "Properties": {"IsLogging": true, "EnableLogFileValidation": true, "IsMultiRegionTrail": true}\n    }\n  }\n}\n',
    },
  ],
});

testRule(kmsEncryption, {
  valid: [
    { name: 'an alias', code: trail('      KMSKeyId: alias/cloudtrail-logs\n') },
    {
      name: 'a key of the template',
      code: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      KMSKeyId: !GetAtt Key.Arn\n',
    },
    { name: 'a parameter without default', code: `Parameters:\n  TrailKey:\n    Type: String\n${trail('      KMSKeyId: !Ref TrailKey\n')}` },
    { name: 'a key, JSON', file: 't.json', code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "KMSKeyId": {"Ref": "Key"}}}, "Key": {"Type": "AWS::KMS::Key"}}}' },
  ],
  invalid: [
    {
      name: 'no key',
      code: trail('      S3BucketName: audit-logs\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not encrypt its log files with a KMS key: KMSKeyId is not set.' }],
      output: null,
    },
    {
      name: 'a key only when a condition holds',
      code: `Conditions:\n  Encrypt: !Equals [!Ref AWS::Region, eu-west-1]\n${trail('      KMSKeyId: !If [Encrypt, alias/cloudtrail-logs, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:17-8:72', message: 'Trail does not encrypt its log files with a KMS key: KMSKeyId is not set (when condition Encrypt is false).' }],
      output: null,
    },
    {
      name: 'an empty key, JSON',
      file: 't.json',
      code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "KMSKeyId": ""}}}}',
      findings: [{ range: '1:106-1:108', message: 'Trail does not encrypt its log files with a KMS key: KMSKeyId is "".' }],
      output: null,
    },
  ],
});

testRule(cloudWatchLogs, {
  valid: [
    {
      name: 'a log group of the template',
      code: 'Resources:\n  TrailLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 365\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: true\n      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn\n      CloudWatchLogsRoleArn: !GetAtt TrailRole.Arn\n',
    },
    { name: 'an imported log group, JSON', file: 't.json', code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true, "CloudWatchLogsLogGroupArn": {"Fn::ImportValue": "trail-logs"}}}}}' },
  ],
  invalid: [
    {
      name: 'no log group',
      code: trail('      S3BucketName: audit-logs\n'),
      findings: [{ range: '4:5-4:15', message: 'Trail does not deliver its events to CloudWatch Logs: CloudWatchLogsLogGroupArn is not set.' }],
      output: null,
    },
    {
      name: 'no log group, JSON',
      file: 't.json',
      code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true}}}}',
      findings: [{ range: '1:60-1:72' }],
      output: null,
    },
  ],
});

const stopped = (value: string, head = '') => `${head}Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Properties:\n      IsLogging: ${value}\n      S3BucketName: audit-logs\n`;

testRule(logging, {
  valid: [
    { name: 'logging', code: stopped('true') },
    { name: 'logging, as a string', code: stopped('"true"') },
    { name: 'a parameter without default', code: stopped('!Ref Logging', 'Parameters:\n  Logging:\n    Type: String\n') },
    { name: 'logging, JSON', file: 't.json', code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": true}}}}' },
  ],
  invalid: [
    {
      name: 'stopped',
      code: stopped('false'),
      findings: [{ range: '5:18-5:23', message: 'Trail records nothing: IsLogging is false.' }],
      output: stopped('true'),
    },
    {
      name: 'stopped by the default of a parameter',
      code: stopped('!Ref Logging', 'Parameters:\n  Logging:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n'),
      findings: [{ range: '10:18-10:30', message: 'Trail records nothing: IsLogging is false (from the default of parameter Logging).' }],
      output: stopped('!Ref Logging', 'Parameters:\n  Logging:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n'),
    },
    {
      name: 'stopped in one branch',
      code: stopped('!If [IsProd, true, false]', 'Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "123456789012"]\n'),
      findings: [{ range: '7:18-7:43', message: 'Trail records nothing: IsLogging is false (when condition IsProd is false).' }],
      output: stopped('!If [IsProd, true, true]', 'Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "123456789012"]\n'),
    },
    {
      name: 'stopped, JSON',
      file: 't.json',
      code: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": "false"}}}}',
      findings: [{ range: '1:88-1:95' }],
      output: '{"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"IsLogging": "true"}}}}',
    },
  ],
});
