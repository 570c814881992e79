import rule from '../../rules/data-protection/athena-workgroup-encrypted';
import { testRule } from '../helpers/rule-tester';

const workgroup = (configuration: string) => `Resources:\n  Analysts:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n      WorkGroupConfiguration:\n${configuration}`;
const encrypted = '        ResultConfiguration:\n          EncryptionConfiguration:\n            EncryptionOption: SSE_KMS\n            KmsKey: !Ref ResultsKey\n';

testRule(rule, {
  valid: [
    { name: 'encrypted with KMS', code: workgroup(encrypted) },
    { name: 'encrypted, enforced', code: workgroup(`        EnforceWorkGroupConfiguration: true\n${encrypted}`) },
    { name: 'managed query results', code: workgroup('        ManagedQueryResultsConfiguration:\n          Enabled: true\n') },
    { name: 'enforcement from a parameter without a default', code: `Parameters:\n  Enforce:\n    Type: String\n${workgroup(`        EnforceWorkGroupConfiguration: !Ref Enforce\n${encrypted}`)}` },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"W": {"Type": "AWS::Athena::WorkGroup", "Properties": {"Name": "w", "WorkGroupConfiguration": {"ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}}}}}}}' },
  ],
  invalid: [
    {
      name: 'no encryption configuration',
      code: workgroup('        ResultConfiguration:\n          OutputLocation: s3://results/analysts/\n'),
      findings: [{ range: '7:9-7:28', message: 'Analysts does not choose how its query results are encrypted: WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration is not set.' }],
      output: workgroup('        ResultConfiguration:\n          OutputLocation: s3://results/analysts/\n          EncryptionConfiguration:\n            EncryptionOption: SSE_S3\n'),
    },
    {
      name: 'no configuration at all',
      code: 'Resources:\n  Analysts:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n',
      findings: [{ range: '4:5-4:15' }],
      output: 'Resources:\n  Analysts:\n    Type: AWS::Athena::WorkGroup\n    Properties:\n      Name: analysts\n      WorkGroupConfiguration:\n        ResultConfiguration:\n          EncryptionConfiguration:\n            EncryptionOption: SSE_S3\n',
    },
    {
      name: 'settings not enforced',
      code: workgroup(`        EnforceWorkGroupConfiguration: false\n${encrypted}`),
      findings: [{ range: '7:40-7:45', message: 'Analysts lets clients override its result location and encryption: WorkGroupConfiguration.EnforceWorkGroupConfiguration is false.' }],
      output: workgroup(`        EnforceWorkGroupConfiguration: true\n${encrypted}`),
    },
    {
      name: 'enforcement off from a parameter default',
      code: `Parameters:\n  Enforce:\n    Type: String\n    Default: "false"\n${workgroup(`        EnforceWorkGroupConfiguration: !Ref Enforce\n${encrypted}`)}`,
      findings: [{ range: '11:40-11:52', message: /from the default of parameter Enforce/ }],
      output: `Parameters:\n  Enforce:\n    Type: String\n    Default: "true"\n${workgroup(`        EnforceWorkGroupConfiguration: !Ref Enforce\n${encrypted}`)}`,
    },
    {
      name: 'encryption removed on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${workgroup('        ResultConfiguration:\n          EncryptionConfiguration: !If [IsProd, { EncryptionOption: SSE_S3 }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '10:36-10:97', message: /is not set \(when condition IsProd is false\)\.$/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${workgroup('        ResultConfiguration:\n          EncryptionConfiguration: !If [IsProd, { EncryptionOption: SSE_S3 }, {EncryptionOption: SSE_S3}]\n')}`,
    },
    {
      name: 'JSON, no encryption configuration',
      file: 't.json',
      code: '{"Resources": {"W": {"Type": "AWS::Athena::WorkGroup", "Properties": {"Name": "w", "WorkGroupConfiguration": {"ResultConfiguration": {}}}}}}',
      findings: [{ range: '1:111-1:132' }],
      output: '{"Resources": {"W": {"Type": "AWS::Athena::WorkGroup", "Properties": {"Name": "w", "WorkGroupConfiguration": {"ResultConfiguration": {"EncryptionConfiguration": {\n  "EncryptionOption": "SSE_S3"\n}}}}}}}',
    },
  ],
});
