import rule from '../../rules/identity-and-access-management/environment-variable-no-plaintext-secret';
import { testRule } from '../helpers/rule-tester';

const lambda = (variables: string, head = '') => `${head}Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Environment:\n        Variables:\n${variables}`;

testRule(rule, {
  valid: [
    { name: 'ordinary settings', code: lambda('          TABLE_NAME: orders\n          LOG_LEVEL: debug\n          MAX_TOKENS: "4096"\n') },
    { name: 'names of secrets, not secrets', code: lambda('          DB_PASSWORD_SECRET_ARN: arn:aws:secretsmanager:eu-west-1:123456789012:secret:db\n          API_TOKEN_PARAMETER: /app/api-token\n          JWT_SECRET: app/jwt-secret\n') },
    { name: 'a secret from a parameter or another resource', code: lambda('          DB_PASSWORD: !Ref DbPassword\n          API_KEY: !GetAtt Key.Value\n', 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n') },
    { name: 'a dynamic reference', code: lambda('          API_TOKEN: "{{resolve:secretsmanager:app/api-token}}"\n') },
    { name: 'a hex digest is not random enough to be a token', code: lambda('          BUILD: 3f786850e387550fdab836ed7e6dc881de23001b0f6a5d4bd3a7cb8c1e2d9f11\n') },
    { name: 'a random string under a name that says it is an id', code: lambda('          CLIENT_ID: 7hQk2PzX9vLmN4bR8sT1wYc6\n') },
    { name: 'AWS documentation example keys', code: lambda('          AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n') },
    { name: 'CodeBuild variables read from Secrets Manager', code: 'Resources:\n  Build:\n    Type: AWS::CodeBuild::Project\n    Properties:\n      Environment:\n        EnvironmentVariables:\n          - Name: NPM_TOKEN\n            Type: SECRETS_MANAGER\n            Value: ci/npm-token:token\n' },
  ],
  invalid: [
    {
      name: 'a password by its name, moved into a NoEcho parameter',
      code: lambda('          DB_HOST: db.internal\n          DB_PASSWORD: Winter2024!\n'),
      findings: [{ range: '9:24-9:35', message: 'Fn sets Environment.Variables.DB_PASSWORD to a password in plain text: read it from Secrets Manager at run time.' }],
      output:
        'Parameters:\n  FnDbPassword:\n    Type: String\n    NoEcho: true\n    Description: DB_PASSWORD of Fn\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Environment:\n        Variables:\n          DB_HOST: db.internal\n          DB_PASSWORD: !Ref FnDbPassword\n',
    },
    {
      name: 'an access key by its shape, whatever the name',
      code: lambda('          UPLOAD_CONFIG: AKIA2OGYBAH6QEXAMPL3\n'),
      findings: [{ range: '8:26-8:46', message: 'Fn sets Environment.Variables.UPLOAD_CONFIG to an AWS access key ID in plain text: read it from Secrets Manager at run time.' }],
      output:
        'Parameters:\n  FnUploadConfig:\n    Type: String\n    NoEcho: true\n    Description: UPLOAD_CONFIG of Fn\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Environment:\n        Variables:\n          UPLOAD_CONFIG: !Ref FnUploadConfig\n',
    },
    {
      name: 'a random token under an ordinary name, in one branch of !If',
      code: lambda('          STRIPE: !If [IsProd, !Ref AWS::NoValue, "q8Zr2LxW5vNc7TbY3mKp9HsD4gFj6QeA"]\n'),
      findings: [{ range: '8:51-8:85', message: 'Fn sets Environment.Variables.STRIPE to a random token in plain text (when condition IsProd is false): read it from Secrets Manager at run time.' }],
      output:
        'Parameters:\n  FnStripe:\n    Type: String\n    NoEcho: true\n    Description: STRIPE of Fn\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Environment:\n        Variables:\n          STRIPE: !If [IsProd, !Ref AWS::NoValue, !Ref FnStripe]\n',
    },
    {
      name: 'an ECS container variable from a mapping: reported, no fix',
      code: 'Mappings:\n  Keys:\n    prod:\n      Api: "sk_live_4eC39HqLyjWDarjtT1zdp7dc"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: app:1\n          Environment:\n            - Name: PAYMENTS\n              Value: !FindInMap [Keys, prod, Api]\n',
      findings: [{ range: '14:22-14:50', message: "Task sets ContainerDefinitions[0].Environment PAYMENTS to a Stripe secret key in plain text: pass it in the container's Secrets (ValueFrom a Secrets Manager secret or SSM parameter)." }],
      output: null,
    },
    {
      name: 'a CodeBuild plain-text variable in JSON',
      file: 't.json',
      code: '{"Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"Environment": {"EnvironmentVariables": [{"Name": "NPM_TOKEN", "Type": "PLAINTEXT", "Value": "npm_abcdefghijklmnopqrstuvwxyz0123456789"}]}}}}}',
      findings: [{ range: '1:169-1:211', message: "Build sets Environment.EnvironmentVariables NPM_TOKEN to an npm token in plain text: give the variable Type SECRETS_MANAGER or PARAMETER_STORE and the secret's name as its value." }],
      output:
        '{"Parameters": {\n  "BuildNpmToken": {\n    "Type": "String",\n    "NoEcho": true,\n    "Description": "NPM_TOKEN of Build"\n  }\n}, "Resources": {"Build": {"Type": "AWS::CodeBuild::Project", "Properties": {"Environment": {"EnvironmentVariables": [{"Name": "NPM_TOKEN", "Type": "PLAINTEXT", "Value": {"Ref": "BuildNpmToken"}}]}}}}}',
    },
    {
      name: 'SAM Globals',
      code: 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        SLACK_TOKEN: xoxb-1234567890-abcdefghijkl\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n',
      findings: [{ range: '6:22-6:50', message: 'Globals sets Globals.Function.Environment.Variables.SLACK_TOKEN to a Slack token in plain text: read it from Secrets Manager at run time.' }],
      output:
        'Parameters:\n  GlobalsSlackToken:\n    Type: String\n    NoEcho: true\n    Description: SLACK_TOKEN of Globals\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Environment:\n      Variables:\n        SLACK_TOKEN: !Ref GlobalsSlackToken\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n',
    },
    {
      name: 'a Batch job variable in a flow map',
      code: 'Resources:\n  Job:\n    Type: AWS::Batch::JobDefinition\n    Properties:\n      Type: container\n      ContainerProperties:\n        Image: job:1\n        Environment:\n          - { Name: GITHUB_TOKEN, Value: ghp_0123456789abcdefghijklmnopqrstuvwxyz }\n',
      findings: [{ range: '9:42-9:82', message: "Job sets ContainerProperties.Environment GITHUB_TOKEN to a GitHub token in plain text: pass it in the container's Secrets (ValueFrom a Secrets Manager secret or SSM parameter)." }],
      output:
        'Parameters:\n  JobGithubToken:\n    Type: String\n    NoEcho: true\n    Description: GITHUB_TOKEN of Job\nResources:\n  Job:\n    Type: AWS::Batch::JobDefinition\n    Properties:\n      Type: container\n      ContainerProperties:\n        Image: job:1\n        Environment:\n          - { Name: GITHUB_TOKEN, Value: !Ref JobGithubToken }\n',
    },
  ],
});
