import rule from '../../rules/identity-and-access-management/lambda-function-url-auth-required';
import { testRule } from '../helpers/rule-tester';

const url = (authType: string, head = '') => `${head}Resources:\n  Url:\n    Type: AWS::Lambda::Url\n    Properties:\n      TargetFunctionArn: !GetAtt Fn.Arn\n      AuthType: ${authType}\n`;

testRule(rule, {
  valid: [
    { name: 'IAM authentication', code: url('AWS_IAM') },
    { name: 'a SAM function without a URL', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n' },
    { name: 'a SAM function URL with IAM', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionUrlConfig:\n        AuthType: AWS_IAM\n' },
  ],
  invalid: [
    {
      name: 'a public function URL',
      code: url('NONE'),
      findings: [{ range: '6:17-6:21', message: 'Url lets anyone on the internet invoke its function URL: AuthType is "NONE".' }],
      output: url('AWS_IAM'),
    },
    {
      name: 'public from the default of a parameter',
      code: url('!Ref Auth', 'Parameters:\n  Auth:\n    Type: String\n    Default: NONE\n    AllowedValues: [NONE, AWS_IAM]\n'),
      findings: [{ range: '11:17-11:26', message: 'Url lets anyone on the internet invoke its function URL: AuthType is "NONE" (from the default of parameter Auth).' }],
      output: url('!Ref Auth', 'Parameters:\n  Auth:\n    Type: String\n    Default: AWS_IAM\n    AllowedValues: [AWS_IAM]\n'),
    },
    {
      name: 'a SAM function URL, JSON',
      file: 't.json',
      code: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionUrlConfig": {"AuthType": "NONE"}}}}}',
      findings: [{ range: '1:152-1:158' }],
      output: '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {"FunctionUrlConfig": {"AuthType": "AWS_IAM"}}}}}',
    },
  ],
});
