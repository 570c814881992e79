import rule from '../../rules/data-protection/lambda-environment-kms-key';
import { testRule } from '../helpers/rule-tester';

const fn = (properties: string, type = 'AWS::Lambda::Function') => `Resources:\n  Worker:\n    Type: ${type}\n    Properties:\n      Handler: index.handler\n${properties}`;
const variables = '      Environment:\n        Variables:\n          TABLE_NAME: orders\n';

testRule(rule, {
  valid: [
    { name: 'no environment', code: fn('') },
    { name: 'an empty set of variables', code: fn('      Environment:\n        Variables: {}\n') },
    { name: 'variables with a key of the template', code: fn(`${variables}      KmsKeyArn: !GetAtt FunctionKey.Arn\n`) },
    { name: 'SAM, the key set in Globals', code: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    KmsKeyArn: !GetAtt FunctionKey.Arn\n${fn(variables, 'AWS::Serverless::Function')}` },
    { name: 'JSON, variables with a key', file: 't.json', code: '{"Resources": {"Worker": {"Type": "AWS::Lambda::Function", "Properties": {"KmsKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "Environment": {"Variables": {"A": "b"}}}}}}' },
  ],
  invalid: [
    { name: 'variables without a key', code: fn(variables), findings: [{ range: '4:5-4:15', message: 'Worker does not use a customer managed KMS key: KmsKeyArn is not set and defaults to the AWS managed key aws/lambda.' }], output: null },
    { name: 'variables with the AWS managed key', code: fn(`${variables}      KmsKeyArn: arn:aws:kms:eu-west-1:123456789012:alias/aws/lambda\n`), findings: [{ range: '9:18-9:69' }], output: null },
    {
      name: 'SAM, variables from Globals',
      code: `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n${variables.replace(/^ {2}/gm, '')}${fn('', 'AWS::Serverless::Function')}`,
      findings: [{ range: '10:5-10:15' }],
      output: null,
    },
    { name: 'JSON, variables without a key', file: 't.json', code: '{"Resources": {"Worker": {"Type": "AWS::Lambda::Function", "Properties": {"Environment": {"Variables": {"A": "b"}}}}}}', findings: [{ range: '1:60-1:72' }], output: null },
  ],
});
