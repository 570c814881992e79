import rule from '../../rules/data-protection/data-store-classification-tag';
import { testRule } from '../helpers/rule-tester';

const bucket = (tags: string) => `Resources:\n  Reports:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: reports\n${tags}`;
const tagged = (value: string) => `      Tags:\n        - Key: owner\n          Value: data-team\n        - Key: data-classification\n          Value: ${value}\n`;

testRule(
  rule,
  {
    valid: [
      { name: 'allowed value', code: bucket(tagged('confidential')) },
      { name: 'value from a parameter with allowed values', code: `Parameters:\n  Level:\n    Type: String\n    AllowedValues: [internal, confidential]\n${bucket(tagged('!Ref Level'))}` },
      { name: 'value from a parameter without a default', code: `Parameters:\n  Level:\n    Type: String\n${bucket(tagged('!Ref Level'))}` },
      { name: 'tags from a parameter', code: bucket('      Tags: !Ref BucketTags\n') },
      { name: 'map-shaped tags', code: 'Resources:\n  Cluster:\n    Type: AWS::MSK::Cluster\n    Properties:\n      Tags:\n        owner: data-team\n' },
      { name: 'not a data store', code: 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n' },
      { name: 'Aurora instance: the cluster carries the tag', code: 'Resources:\n  Writer:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n' },
      { name: 'SAM table tagged in Globals', code: 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  SimpleTable:\n    Tags:\n      data-classification: internal\nResources:\n  Table:\n    Type: AWS::Serverless::SimpleTable\n' },
      { name: 'JSON, tagged', file: 't.json', code: '{"Resources": {"Reports": {"Type": "AWS::S3::Bucket", "Properties": {"Tags": [{"Key": "data-classification", "Value": "public"}]}}}}' },
    ],
    invalid: [
      {
        name: 'no classification tag',
        code: bucket('      Tags:\n        - Key: owner\n          Value: data-team\n'),
        findings: [{ range: '6:7-6:11', message: 'Reports has no data-classification tag to record how sensitive its data is.' }],
        output: null,
      },
      {
        name: 'no tags at all',
        code: 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n',
        findings: [{ range: '4:5-4:15' }],
        output: null,
      },
      {
        name: 'value not allowed',
        code: bucket(tagged('secret')),
        findings: [{ range: '10:18-10:24', message: 'Reports has data-classification "secret", which is not one of public, internal, confidential.' }],
        output: null,
      },
      {
        name: 'empty value',
        code: bucket(tagged('""')),
        findings: [{ range: '6:7-6:11' }],
        output: null,
      },
      {
        name: 'value not allowed on one branch',
        code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${bucket(tagged('!If [IsProd, confidential, test]'))}`,
        findings: [{ range: '12:18-12:50', message: /"test" \(when condition IsProd is false\), which is not one of/ }],
        output: null,
      },
      {
        name: 'parameter default not allowed',
        code: `Parameters:\n  Level:\n    Type: String\n    Default: secret\n${bucket(tagged('!Ref Level'))}`,
        findings: [{ range: '14:18-14:28', message: /from the default of parameter Level/ }],
        output: null,
      },
      {
        name: 'map-shaped tags without the key',
        code: 'Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: main\n      BackupVaultTags:\n        owner: data-team\n',
        findings: [{ range: '6:7-6:22' }],
        output: null,
      },
      {
        name: 'JSON, no classification tag',
        file: 't.json',
        code: '{"Resources": {"Reports": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "reports"}}}}',
        findings: [{ range: '1:55-1:67' }],
        output: null,
      },
    ],
  },
  { key: 'data-classification', values: ['public', 'internal', 'confidential'] },
);

testRule(rule, { valid: [{ name: 'any value when none are configured', code: bucket(tagged('whatever')) }], invalid: [] }, { key: 'data-classification' });
