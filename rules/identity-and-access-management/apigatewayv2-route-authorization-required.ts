import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';
import { missingPropertyAnchor } from '../lib/properties';
import { samEvents, samGlobal } from '../lib/sam';
import { asBoolean, asText, explain, textOf } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'apigatewayv2-route-authorization-required',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP07', 'SEC05-BP02'],
    severity: 'warning',
    title: 'HTTP and WebSocket API routes should require authorization',
    rationale:
      'A route with no authorizer can be called by anyone on the internet who finds the API\'s URL, and the integration behind it acts on their request. Access should be decided on every request, by an identity the caller proves: an IAM signature, a JWT from your identity provider, or a Lambda authorizer.',
    remediation:
      'Set `AuthorizationType` to `AWS_IAM`, `JWT` (with an `AuthorizerId` of a JWT authorizer, such as a Cognito user pool) or `CUSTOM` (a Lambda authorizer); in SAM, `Auth.DefaultAuthorizer` on the `AWS::Serverless::HttpApi`. A quick-create API (`Target` on the API) has one default route without authorization: define the route yourself. WebSocket APIs authorize on `$connect` only, and CORS preflight (`OPTIONS`) routes are not reported.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html',
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html',
    ],
    resourceTypes: ['AWS::ApiGatewayV2::Route', 'AWS::ApiGatewayV2::Api', 'AWS::Serverless::Function'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['APIGateway.8'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  GetOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: a1b2c3
      RouteKey: GET /orders
      Target: integrations/x7y8z9
`,
      secure: `Resources:
  GetOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties:
      ApiId: a1b2c3
      RouteKey: GET /orders
      Target: integrations/x7y8z9
      AuthorizationType: AWS_IAM
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::ApiGatewayV2::Route') checkRoute(resource, context);
    else if (resource.type === 'AWS::ApiGatewayV2::Api') checkQuickCreate(resource, context);
    else checkSamEvents(resource, context);
  },
};

function checkRoute(resource: Resource, context: RuleContext): void {
  const properties = resource.properties;
  const routeKey = textOf(properties?.byKey.get('RouteKey')?.value, context.evaluator);
  if (!properties || routeKey === undefined || /^OPTIONS\s/i.test(routeKey)) return;
  const api = context.facts?.targetOf(properties.byKey.get('ApiId')?.value);
  if (api && textOf(getProperty(api.properties, 'ProtocolType'), context.evaluator)?.toUpperCase() === 'WEBSOCKET') {
    // A WebSocket API authorizes the connection, on $connect; its other routes cannot have an authorizer.
    if (routeKey !== '$connect') return;
    const apiKey = properties.byKey.get('ApiKeyRequired')?.value;
    if (apiKey && context.evaluator.candidates(apiKey).every((candidate) => asBoolean(candidate.value) === true)) return;
  }
  const pair = properties.byKey.get('AuthorizationType');
  if (!pair) {
    context.report({ at: missingPropertyAnchor(resource), message: `${resource.logicalId} lets anyone call route ${routeKey}: AuthorizationType is not set and defaults to NONE.` });
    return;
  }
  const open = context.evaluator.candidates(pair.value).find((candidate) => asText(candidate.value)?.toUpperCase() === 'NONE');
  if (open) context.report({ at: pair.value, message: `${resource.logicalId} lets anyone call route ${routeKey}: AuthorizationType is NONE${explain(open)}.` });
}

/** Quick create: an HTTP API with `Target` gets a `$default` route with no authorization. */
function checkQuickCreate(resource: Resource, context: RuleContext): void {
  const target = resource.properties?.byKey.get('Target');
  if (!target || textOf(getProperty(resource.properties, 'ProtocolType'), context.evaluator)?.toUpperCase() === 'WEBSOCKET') return;
  context.report({ at: target.key, message: `${resource.logicalId} is created with a default route (Target) that anyone can call: define the route with an authorizer instead.` });
}

/** SAM `HttpApi` events: the event's authorizer, else the API's default, else the one in Globals. */
function checkSamEvents(resource: Resource, context: RuleContext): void {
  for (const event of samEvents(resource, 'HttpApi')) {
    const properties = event.properties;
    if (textOf(properties?.byKey.get('Method')?.value, context.evaluator)?.toUpperCase() === 'OPTIONS') continue;
    const apiId = properties?.byKey.get('ApiId')?.value;
    const api = apiId ? context.facts?.targetOf(apiId) : undefined;
    // An API given by an id from elsewhere, or described by an OpenAPI document, may define its authorization there.
    if (apiId && !api) continue;
    if (api && (api.properties?.byKey.has('DefinitionBody') || api.properties?.byKey.has('DefinitionUri'))) continue;
    const authorizerNode = [
      getProperty(getProperty(properties, 'Auth'), 'Authorizer'),
      getProperty(getProperty(api?.properties, 'Auth'), 'DefaultAuthorizer'),
      getProperty(samGlobal(context.template, 'HttpApi', 'Auth'), 'DefaultAuthorizer'),
    ].find(Boolean);
    const authorizer = textOf(authorizerNode, context.evaluator);
    if (authorizerNode && (authorizer === undefined || authorizer.toUpperCase() !== 'NONE')) continue;
    const where = api ? `API ${api.logicalId}` : 'the implicit API';
    context.report({
      at: event.key,
      message: `${resource.logicalId} event ${event.name} lets anyone call the route: ${authorizer ? 'its Auth.Authorizer is NONE' : `neither the event nor ${where} sets an authorizer`}.`,
    });
  }
}

export default rule;
