import rule from '../../rules/data-protection/dynamodb-table-point-in-time-recovery-enabled';
import { testRule } from '../helpers/rule-tester';

const table = (properties: string) => `Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'point-in-time recovery on', code: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n') },
    { name: 'on for every replica of a global table', code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n        - Region: eu-west-1\n          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n' },
  ],
  invalid: [
    {
      name: 'not set',
      code: table(''),
      findings: [{ range: '4:5-4:15', message: 'Orders keeps no continuous backups: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not set and defaults to false.' }],
      output: table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n'),
    },
    {
      name: 'the specification without the flag',
      code: table('      PointInTimeRecoverySpecification:\n        RecoveryPeriodInDays: 7\n'),
      findings: [{ range: '6:7-6:39' }],
      output: table('      PointInTimeRecoverySpecification:\n        RecoveryPeriodInDays: 7\n        PointInTimeRecoveryEnabled: true\n'),
    },
    {
      name: 'off from a parameter',
      code: `Parameters:\n  Pitr:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\n${table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !Ref Pitr\n')}`,
      findings: [{ range: '12:37-12:46', message: 'Orders keeps no continuous backups: PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is false (from the default of parameter Pitr).' }],
      output: `Parameters:\n  Pitr:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${table('      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: !Ref Pitr\n')}`,
    },
    {
      name: 'a replica of a global table without it, JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::GlobalTable",\n      "Properties": {\n        "Replicas": [\n          {"Region": "eu-west-1"}\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:12-7:20', message: 'Orders keeps no continuous backups: Replicas[0].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled is not set and defaults to false.' }],
      output: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::GlobalTable",\n      "Properties": {\n        "Replicas": [\n          {"Region": "eu-west-1", "PointInTimeRecoverySpecification": {\n            "PointInTimeRecoveryEnabled": true\n          }}\n        ]\n      }\n    }\n  }\n}\n',
    },
  ],
});
