import rule from '../../rules/data-protection/dynamodb-table-kms-encryption';
import { testRule } from '../helpers/rule-tester';

const table = (properties: string, type = 'Table') => `Resources:\n  Orders:\n    Type: AWS::DynamoDB::${type}\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n${properties}`;
const kms = '      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n';

testRule(rule, {
  valid: [
    { name: 'KMS with the AWS managed key', code: table(kms) },
    { name: 'SSEEnabled alone means KMS', code: table('      SSESpecification:\n        SSEEnabled: "true"\n') },
    { name: 'a customer managed key', code: table('      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n        KMSMasterKeyId: !Ref TableKey\n') },
    { name: 'global table with KMS and replica keys', code: table('      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n      Replicas:\n        - Region: eu-west-1\n          SSESpecification:\n            KMSMasterKeyId: !Ref TableKey\n', 'GlobalTable') },
    { name: 'SAM SimpleTable with KMS', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n' },
    { name: 'parameter without a default', code: `Parameters:\n  UseKms:\n    Type: String\n${table('      SSESpecification:\n        SSEEnabled: !Ref UseKms\n')}` },
    { name: 'JSON, KMS', file: 't.json', code: '{"Resources": {"Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"SSESpecification": {"SSEEnabled": true}}}}}' },
  ],
  invalid: [
    {
      name: 'no SSESpecification',
      code: table(''),
      findings: [{ range: '4:5-4:15', message: 'Orders encrypts with an AWS owned key, not a KMS key of the account: SSESpecification is not set.' }],
      output: table(kms),
    },
    {
      name: 'global table without SSESpecification',
      code: table('', 'GlobalTable'),
      findings: [{ range: '4:5-4:15' }],
      output: table(kms, 'GlobalTable'),
    },
    {
      name: 'SAM SimpleTable without SSESpecification',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey: { Name: id, Type: String }\n',
      findings: [{ range: '5:5-5:15' }],
      output: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Orders:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      PrimaryKey: { Name: id, Type: String }\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n',
    },
    {
      name: 'no Properties',
      code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n',
      findings: [{ range: '2:3-2:9' }],
      output: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n',
    },
    {
      name: 'SSEEnabled false',
      code: table('      SSESpecification:\n        SSEEnabled: false\n'),
      findings: [{ range: '7:21-7:26', message: 'Orders encrypts with an AWS owned key, not a KMS key of the account: SSESpecification.SSEEnabled is false.' }],
      output: table('      SSESpecification:\n        SSEEnabled: true\n'),
    },
    {
      name: 'SSEEnabled left out of the block',
      code: table('      SSESpecification:\n        SSEType: KMS\n'),
      findings: [{ range: '6:7-6:23', message: /SSESpecification.SSEEnabled is not set and defaults to false/ }],
      output: table('      SSESpecification:\n        SSEType: KMS\n        SSEEnabled: true\n'),
    },
    {
      name: 'off on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${table('      SSESpecification:\n        SSEEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '9:21-9:46', message: /when condition IsProd is false/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${table('      SSESpecification:\n        SSEEnabled: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  UseKms:\n    Type: String\n    Default: "false"\n${table('      SSESpecification:\n        SSEEnabled: !Ref UseKms\n')}`,
      findings: [{ range: '11:21-11:32', message: /from the default of parameter UseKms/ }],
      output: `Parameters:\n  UseKms:\n    Type: String\n    Default: "true"\n${table('      SSESpecification:\n        SSEEnabled: !Ref UseKms\n')}`,
    },
    {
      name: 'JSON, no SSESpecification',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "BillingMode": "PAY_PER_REQUEST"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Orders": {\n      "Type": "AWS::DynamoDB::Table",\n      "Properties": {\n        "BillingMode": "PAY_PER_REQUEST",\n        "SSESpecification": {\n          "SSEEnabled": true,\n          "SSEType": "KMS"\n        }\n      }\n    }\n  }\n}\n',
    },
  ],
});
