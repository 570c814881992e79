import rule from '../../rules/identity-and-access-management/secret-property-no-plaintext';
import { testRule } from '../helpers/rule-tester';

const rds = (password: string, head = '') => `${head}Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      MasterUserPassword: ${password}\n`;

testRule(rule, {
  valid: [
    { name: 'a Secrets Manager dynamic reference', code: rds('"{{resolve:secretsmanager:app/db:SecretString:password}}"') },
    { name: 'an SSM SecureString dynamic reference', code: rds("'{{resolve:ssm-secure:/app/db/password:3}}'") },
    { name: 'a dynamic reference composed with !Sub', code: rds('!Sub "{{resolve:secretsmanager:${DbSecret}:SecretString:password}}"') },
    { name: 'a dynamic reference composed with !Join', code: rds("!Join ['', ['{{resolve:secretsmanager:', !Ref DbSecret, ':SecretString:password}}']]") },
    { name: 'a parameter (checked where it is declared)', code: rds('!Ref DbPassword', 'Parameters:\n  DbPassword:\n    Type: String\n    NoEcho: true\n    Default: hunter2hunter2\n') },
    { name: 'removed with AWS::NoValue', code: rds('!Ref AWS::NoValue') },
    { name: 'an empty placeholder', code: rds('""') },
    { name: 'a property that holds no secret', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      MasterUsername: admin\n      DBName: app\n' },
    { name: 'a token validity unit is not a token', code: 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: pool\n      TokenValidityUnits: { AccessToken: hours, IdToken: hours, RefreshToken: days }\n' },
    { name: 'a secret string without secrets, and a generated one', code: 'Resources:\n  Login:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: \'{"username": "app", "host": "db.internal"}\'\n  Generated:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      GenerateSecretString: { SecretStringTemplate: \'{"username": "app"}\', GenerateStringKey: password }\n' },
    { name: 'a secret string composed from a parameter', code: 'Parameters:\n  Password:\n    Type: String\n    NoEcho: true\nResources:\n  Login:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: !Sub \'{"username": "app", "password": "${Password}"}\'\n' },
    { name: 'an SSM parameter whose name says nothing secret', code: 'Resources:\n  Param:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /app/db/host\n      Type: String\n      Value: db.internal\n' },
    { name: 'cfn-init credentials from a role', code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Metadata:\n      AWS::CloudFormation::Authentication:\n        S3Access:\n          type: S3\n          roleName: web-role\n    Properties:\n      ImageId: ami-1\n' },
  ],
  invalid: [
    {
      name: 'a literal master password, with the managed password and the parameter fixes',
      code: rds('Winter2024!'),
      findings: [{ range: '7:27-7:38', message: 'Db writes MasterUserPassword in plain text in the template: keep it in Secrets Manager and use a dynamic reference.' }],
      output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true\n',
    },
    {
      name: 'a literal in one branch of !If, from a condition',
      code: rds('!If [UseManaged, "{{resolve:secretsmanager:app/db}}", Winter2024!]'),
      findings: [{ range: '7:81-7:92', message: 'Db writes MasterUserPassword in plain text in the template (when condition UseManaged is false): keep it in Secrets Manager and use a dynamic reference.' }],
      output: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true\n',
    },
    {
      name: 'a literal from a mapping',
      code: rds('!FindInMap [Env, prod, Password]', 'Mappings:\n  Env:\n    prod:\n      Password: Winter2024!\n'),
      findings: [{ range: '11:27-11:59' }],
      output: 'Mappings:\n  Env:\n    prod:\n      Password: Winter2024!\nResources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      MasterUsername: app\n      ManageMasterUserPassword: true\n',
    },
    {
      name: 'a plain SSM parameter reference: no fix',
      code: rds("'{{resolve:ssm:/app/db/password}}'"),
      findings: [{ range: '7:27-7:61', message: 'Db reads MasterUserPassword from a plain SSM String parameter: use a SecureString (ssm-secure) or Secrets Manager.' }],
      output: null,
    },
    {
      name: 'a token of a source credential, moved into a NoEcho parameter',
      code: 'Resources:\n  Source:\n    Type: AWS::CodeBuild::SourceCredential\n    Properties:\n      AuthType: PERSONAL_ACCESS_TOKEN\n      ServerType: GITHUB\n      Token: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n',
      findings: [{ range: '7:14-7:56', message: 'Source writes Token in plain text in the template: keep it in Secrets Manager and use a dynamic reference.' }],
      output:
        'Parameters:\n  SourceToken:\n    Type: String\n    NoEcho: true\n    Description: Token of Source\nResources:\n  Source:\n    Type: AWS::CodeBuild::SourceCredential\n    Properties:\n      AuthType: PERSONAL_ACCESS_TOKEN\n      ServerType: GITHUB\n      Token: !Ref SourceToken\n',
    },
    {
      name: 'passwords in a list of broker users, one finding each, each with its own parameter',
      code: 'Parameters:\n  Env:\n    Type: String\nResources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      Users:\n        - Username: admin\n          Password: "correct-horse-battery"\n        - Username: app\n          Password: "{{resolve:secretsmanager:mq/app}}"\n        - Username: ops\n          Password: "tr0ub4dor&3"\n',
      findings: [{ range: '10:21-10:44', message: /Broker writes Users\[0\]\.Password in plain text/ }, { range: '14:21-14:34', message: /Users\[2\]\.Password/ }],
      output:
        'Parameters:\n  Env:\n    Type: String\n  BrokerUsers0Password:\n    Type: String\n    NoEcho: true\n    Description: "Users[0].Password of Broker"\n  BrokerUsers2Password:\n    Type: String\n    NoEcho: true\n    Description: "Users[2].Password of Broker"\nResources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      Users:\n        - Username: admin\n          Password: !Ref BrokerUsers0Password\n        - Username: app\n          Password: "{{resolve:secretsmanager:mq/app}}"\n        - Username: ops\n          Password: !Ref BrokerUsers2Password\n',
    },
    {
      name: 'a literal IAM login profile password in JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Operator": {\n      "Type": "AWS::IAM::User",\n      "Properties": {"LoginProfile": {"Password": "Winter2024!", "PasswordResetRequired": true}}\n    }\n  }\n}\n',
      findings: [{ range: '5:51-5:64', message: 'Operator writes LoginProfile.Password in plain text in the template: keep it in Secrets Manager and use a dynamic reference.' }],
      output:
        '{\n  "Parameters": {\n    "OperatorLoginProfilePassword": {\n      "Type": "String",\n      "NoEcho": true,\n      "Description": "LoginProfile.Password of Operator"\n    }\n  },\n  "Resources": {\n    "Operator": {\n      "Type": "AWS::IAM::User",\n      "Properties": {"LoginProfile": {"Password": {"Ref": "OperatorLoginProfilePassword"}, "PasswordResetRequired": true}}\n    }\n  }\n}\n',
    },
    {
      name: 'cfn-init credentials written in the instance metadata',
      code: 'Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Metadata:\n      AWS::CloudFormation::Authentication:\n        S3Access:\n          type: S3\n          accessKeyId: AKIAIOSFODNN7EXAMPLE\n          secretKey: wJalrXUtnFEMI-K7MDENG-bPxRfiCYzzzzzz\n    Properties:\n      ImageId: ami-1\n',
      findings: [{ range: '9:22-9:58', message: 'Web writes S3Access.secretKey (AWS::CloudFormation::Authentication) in plain text in the template: keep it in Secrets Manager and use a dynamic reference.' }],
      output:
        'Parameters:\n  WebS3AccessSecretKey:\n    Type: String\n    NoEcho: true\n    Description: S3Access.secretKey (AWS::CloudFormation::Authentication) of Web\nResources:\n  Web:\n    Type: AWS::EC2::Instance\n    Metadata:\n      AWS::CloudFormation::Authentication:\n        S3Access:\n          type: S3\n          accessKeyId: AKIAIOSFODNN7EXAMPLE\n          secretKey: !Ref WebS3AccessSecretKey\n    Properties:\n      ImageId: ami-1\n',
    },
    {
      name: 'a password in the JSON of a Secrets Manager string',
      code: 'Resources:\n  Login:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      SecretString: \'{"username": "app", "password": "Winter2024!"}\'\n',
      findings: [{ range: '5:21-5:69', message: 'Login writes a password (password) in plain text in the template, in its SecretString: let Secrets Manager generate it (GenerateSecretString), or set it outside the template.' }],
      output: null,
    },
    {
      name: 'a token in an SSM parameter named like one',
      code: 'Resources:\n  Param:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: /ci/github/token\n      Type: String\n      Value: ghp_0123456789abcdefghijklmnopqrstuvwxyz\n',
      findings: [{ range: '7:14-7:54', message: 'Param writes a token in plain text in the template, in its Value: keep it in an SSM SecureString or in Secrets Manager, set outside the template.' }],
      output: null,
    },
  ],
});
