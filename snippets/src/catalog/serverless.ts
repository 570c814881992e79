/** Functions, APIs, user pools, log groups. */
import { raw } from '../emit';
import { getAtt, logGroup, POLICY_VERSION, ref, type SnippetSource, sub, THIS_ACCOUNT } from '../define';


/** JSON access log lines with who called what, from where, and the outcome (API Gateway `$context` variables, escaped for snippets). */
const ACCESS_LOG_FORMAT = `{${[
  ['requestId', 'requestId'],
  ['ip', 'identity.sourceIp'],
  ['user', 'identity.user'],
  ['requestTime', 'requestTime'],
  ['httpMethod', 'httpMethod'],
  ['path', 'path'],
  ['status', 'status'],
  ['protocol', 'protocol'],
  ['responseLength', 'responseLength'],
]
  .map(([name, variable]) => `"${name}":"\\$context.${variable}"`)
  .join(',')}}`;

export const serverless: SnippetSource[] = [
  {
    prefix: 'pillar-log-group',
    name: 'CloudWatch Logs group: retention, KMS-encrypted',
    description: 'A CloudWatch Logs group kept for a chosen time (one to ten years), encrypted with a customer managed KMS key, and kept when the stack is deleted: logs are the evidence an investigation needs. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: { '${1:LogGroup}': logGroup(3, '${4:KmsKey}', '${2:/app/service}') },
  },
  {
    prefix: 'pillar-lambda-function',
    name: 'Lambda function with a least-privilege role and a log group with retention',
    description:
      'A Python Lambda function whose role can only write to its own log group (and send traces to X-Ray); the log group is kept for a chosen time and encrypted with a customer managed KMS key, which also encrypts the environment variables; logs are structured JSON, and tracing is active. Only Lambda in this account may assume the role. Expects KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Function}': {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: '${2|python3.13,python3.12|}',
          Handler: 'index.handler',
          Architectures: ['arm64'],
          MemorySize: 256,
          Timeout: raw('${3:30}'),
          Role: getAtt('${4:FunctionRole}', 'Arn'),
          KmsKeyArn: getAtt('${5:KmsKey}', 'Arn'),
          Environment: { Variables: { LOG_LEVEL: 'INFO' } },
          LoggingConfig: { LogGroup: ref('${6:FunctionLogGroup}'), LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
          TracingConfig: { Mode: 'Active' },
          Code: { ZipFile: 'def handler(event, context):\n    ${0:return {"ok": True\\}}\n' },
        },
      },
      '$4': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } } }],
          },
          Policies: [
            {
              PolicyName: 'write-own-logs',
              PolicyDocument: {
                Version: POLICY_VERSION,
                Statement: [
                  { Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: getAtt('$6', 'Arn') },
                  // X-Ray has no resource-level permissions for these two actions.
                  { Sid: 'SendTraces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
                ],
              },
            },
          ],
        },
      },
      '$6': logGroup(7, '$5'),
    },
  },
  {
    prefix: 'pillar-cognito-user-pool',
    name: 'Cognito user pool: MFA required, strong passwords, no self sign-up',
    description:
      'A Cognito user pool that requires MFA with an authenticator app, asks for 14-character passwords of every character class, lets only administrators create users, recovers accounts through verified email only, and has deletion protection; its app client has no secret (for browser and mobile apps), hides whether a user exists, revokes tokens, and issues short-lived tokens.',
    context: 'resources',
    body: {
      '${1:UserPool}': {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          MfaConfiguration: 'ON',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          Policies: {
            PasswordPolicy: { MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 3 },
          },
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
          DeletionProtection: 'ACTIVE',
        },
      },
      '${2:UserPoolClient}': {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          UserPoolId: ref('$1'),
          GenerateSecret: false,
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          PreventUserExistenceErrors: 'ENABLED',
          EnableTokenRevocation: true,
          AccessTokenValidity: 60,
          IdTokenValidity: 60,
          RefreshTokenValidity: raw('${3|30,7,1|}'),
          TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        },
      },
    },
  },
  {
    prefix: 'pillar-rest-api',
    name: 'API Gateway REST API: Cognito authorizer, access and execution logging, tracing',
    description:
      'A regional REST API whose method requires a Cognito user pool authorizer, with a stage that writes JSON access logs (caller, source IP, status) to a log group kept for a chosen time and encrypted with a customer managed KMS key, execution logs at INFO without request bodies, X-Ray tracing and metrics; the account-level role lets API Gateway write to CloudWatch Logs. The MOCK integration is a stand-in for yours. Expects UserPool (pillar-cognito-user-pool) and KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { UserPool: 'pillar-cognito-user-pool', KmsKey: 'pillar-kms-key' },
    body: {
      '${1:Api}': {
        Type: 'AWS::ApiGateway::RestApi',
        Properties: { Name: '${2:orders}', EndpointConfiguration: { Types: ['REGIONAL'] } },
      },
      '${3:ApiAuthorizer}': {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: {
          RestApiId: ref('$1'),
          Name: 'cognito',
          Type: 'COGNITO_USER_POOLS',
          IdentitySource: 'method.request.header.Authorization',
          ProviderARNs: [getAtt('${4:UserPool}', 'Arn')],
        },
      },
      '${5:ApiResource}': {
        Type: 'AWS::ApiGateway::Resource',
        Properties: { RestApiId: ref('$1'), ParentId: getAtt('$1', 'RootResourceId'), PathPart: '${6:items}' },
      },
      '${7:ApiMethod}': {
        Type: 'AWS::ApiGateway::Method',
        Properties: {
          RestApiId: ref('$1'),
          ResourceId: ref('$5'),
          HttpMethod: '${8|GET,POST,PUT,DELETE|}',
          AuthorizationType: 'COGNITO_USER_POOLS',
          AuthorizerId: ref('$3'),
          Integration: { Type: 'MOCK', RequestTemplates: { 'application/json': '{"statusCode": 200}' }, IntegrationResponses: [{ StatusCode: '200' }] },
          MethodResponses: [{ StatusCode: '200' }],
        },
      },
      '${9:ApiDeployment}': {
        Type: 'AWS::ApiGateway::Deployment',
        DependsOn: '$7',
        Properties: { RestApiId: ref('$1') },
      },
      '${10:ApiStage}': {
        Type: 'AWS::ApiGateway::Stage',
        DependsOn: '${11:ApiGatewayAccount}',
        Properties: {
          RestApiId: ref('$1'),
          DeploymentId: ref('$9'),
          StageName: '${12|prod,staging,dev|}',
          TracingEnabled: true,
          AccessLogSetting: { DestinationArn: getAtt('${13:ApiAccessLogGroup}', 'Arn'), Format: ACCESS_LOG_FORMAT },
          MethodSettings: [{ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'INFO', DataTraceEnabled: false, MetricsEnabled: true }],
        },
      },
      '$13': logGroup(14, '${15:KmsKey}'),
      '$11': { Type: 'AWS::ApiGateway::Account', Properties: { CloudWatchRoleArn: getAtt('${16:ApiGatewayLogsRole}', 'Arn') } },
      '$16': {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: POLICY_VERSION,
            Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } } }],
          },
          ManagedPolicyArns: [sub('arn:\\${AWS::Partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs')],
        },
      },
    },
  },
  {
    prefix: 'pillar-http-api',
    name: 'API Gateway HTTP API: JWT authorizer, access logging, throttling',
    description:
      'An HTTP API whose route requires a JWT from the Cognito user pool, with a default stage that writes JSON access logs to a log group kept for a chosen time and encrypted with a customer managed KMS key, and throttles requests. Add your integration as the route\'s Target. Expects UserPool and UserPoolClient (pillar-cognito-user-pool) and KmsKey (pillar-kms-key).',
    context: 'resources',
    assumes: { UserPool: 'pillar-cognito-user-pool', UserPoolClient: 'pillar-cognito-user-pool', KmsKey: 'pillar-kms-key' },
    body: {
      '${1:HttpApi}': { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: '${2:orders}', ProtocolType: 'HTTP' } },
      '${3:HttpApiAuthorizer}': {
        Type: 'AWS::ApiGatewayV2::Authorizer',
        Properties: {
          ApiId: ref('$1'),
          Name: 'cognito',
          AuthorizerType: 'JWT',
          IdentitySource: ['\\$request.header.Authorization'],
          JwtConfiguration: {
            Issuer: sub('https://cognito-idp.\\${AWS::Region}.amazonaws.com/\\${${4:UserPool}}'),
            Audience: [ref('${5:UserPoolClient}')],
          },
        },
      },
      '${6:HttpApiRoute}': {
        Type: 'AWS::ApiGatewayV2::Route',
        Properties: { ApiId: ref('$1'), RouteKey: '${7:GET /items}', AuthorizationType: 'JWT', AuthorizerId: ref('$3') },
      },
      '${8:HttpApiStage}': {
        Type: 'AWS::ApiGatewayV2::Stage',
        Properties: {
          ApiId: ref('$1'),
          StageName: '\\$default',
          AutoDeploy: true,
          AccessLogSettings: { DestinationArn: getAtt('${9:HttpApiAccessLogGroup}', 'Arn'), Format: ACCESS_LOG_FORMAT },
          DefaultRouteSettings: { ThrottlingBurstLimit: raw('${10:100}'), ThrottlingRateLimit: raw('${11:50}') },
        },
      },
      '$9': logGroup(12, '${13:KmsKey}'),
    },
  },
];
