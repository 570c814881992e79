import type { Rule } from '../../server/src/engine/rule';
import { isPrivateApi, stagesWithWebAcl, texts } from '../lib/apigateway';

const rule: Rule = {
  meta: {
    id: 'apigateway-stage-web-acl',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP04', 'SEC05-BP01'],
    // Info, as for CloudFront: a web ACL is a paid layer, often attached from another stack or at a CloudFront distribution in front.
    severity: 'info',
    title: 'API Gateway REST API stages should be protected by an AWS WAF web ACL',
    rationale:
      'A public REST API stage takes requests from anyone on the internet and hands them to the functions and services behind it. A web ACL inspects them first: it blocks common injection payloads and known bad inputs, rate-limits floods, and filters by IP reputation, before the request costs an invocation or reaches code.',
    remediation:
      'Add an `AWS::WAFv2::WebACLAssociation` whose `WebACLArn` is a regional web ACL and whose `ResourceArn` is the stage: `!Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}`. Private APIs, reachable only through VPC endpoints, are not reported; nor are stages created by a deployment\'s `StageName`.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-webaclassociation.html',
    ],
    resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: ['fcbf9019-566c-4832-a65c-af00d8137d2b'], securityHub: ['APIGateway.4'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: abc123
      StageName: prod
`,
      secure: `Parameters:
  WebAcl:
    Type: String
Resources:
  AccessLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: orders
  Prod:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Api
      DeploymentId: abc123
      StageName: prod
      AccessLogSetting:
        DestinationArn: !GetAtt AccessLogs.Arn
        Format: '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
  ProdAcl:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      WebACLArn: !Ref WebAcl
      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/\${Prod}
`,
    },
  },
  resource(resource, context) {
    const properties = resource.properties;
    let apis: string[];
    let stages: string[];
    if (resource.type === 'AWS::ApiGateway::Stage') {
      const apiId = properties?.byKey.get('RestApiId')?.value;
      const api = context.facts?.targetOf(apiId);
      if (api && isPrivateApi(api, context)) return;
      apis = texts(apiId, context);
      // `!Ref Stage` is the stage's name.
      stages = [`\${${resource.logicalId}}`, ...texts(properties?.byKey.get('StageName')?.value, context)];
    } else {
      if (isPrivateApi(resource, context)) return;
      apis = [`\${${resource.logicalId}}`];
      const names = texts(properties?.byKey.get('StageName')?.value, context);
      // SAM names the stage resource it generates <Api><StageName>Stage, and gives the API a Stage attribute.
      stages = [...names, `\${${resource.logicalId}.Stage}`, ...names.map((name) => `\${${resource.logicalId}${name.replace(/[^A-Za-z0-9]/g, '')}Stage}`)];
    }
    if (apis.length === 0) return;
    const covered = stagesWithWebAcl(context);
    if (apis.some((api) => stages.some((stage) => covered.has(`${api}/${stage}`)))) return;
    context.report({
      at: resource.key,
      message: `${resource.logicalId} is not protected by a web ACL: no WebACLAssociation of this template names its stage ARN.`,
    });
  },
};

export default rule;
