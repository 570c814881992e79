import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty, type Node } from '../../server/src/engine/tree';
import { missingPropertyAnchor } from '../lib/properties';
import { isPrivateApi } from '../lib/apigateway';
import { samEvents, samGlobal } from '../lib/sam';
import { asBoolean, asText, explain, textOf } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'apigateway-method-authorization-required',
    area: 'identity-and-access-management',
    bestPractice: ['SEC03-BP07', 'SEC05-BP02'],
    severity: 'warning',
    title: 'API Gateway REST methods should require authorization',
    rationale:
      'A REST API method with no authorizer and no API key can be called by anyone on the internet who finds its URL, and whatever sits behind it (a Lambda function, a table, a queue) acts on their request. Access should be decided on every request, by an identity the caller proves.',
    remediation:
      'Give the method an authorizer: `AuthorizationType: AWS_IAM`, `COGNITO_USER_POOLS` or `CUSTOM` with an `AuthorizerId` (in SAM, `Auth.DefaultAuthorizer` on the API, or `Auth.Authorizer` on the event). API keys (`ApiKeyRequired: true`) identify clients for usage plans but are not a strong authentication on their own. CORS preflight (`OPTIONS`) methods and private APIs reachable only from your VPC endpoints are not reported.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
      'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-controlling-access-to-apis.html',
    ],
    resourceTypes: ['AWS::ApiGateway::Method', 'AWS::Serverless::Function'],
    equivalents: { checkov: ['CKV_AWS_59'], cfnNag: ['W59'], cfnLint: [], kics: ['1056dfbb-5802-4762-bf2b-8b9b9684b1b0'], securityHub: [], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: abc123
      ResourceId: def456
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations
`,
      secure: `Resources:
  GetOrders:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: abc123
      ResourceId: def456
      HttpMethod: GET
      AuthorizationType: AWS_IAM
      Integration:
        Type: AWS_PROXY
        IntegrationHttpMethod: POST
        Uri: arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:orders/invocations
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::ApiGateway::Method') checkMethod(resource, context);
    else checkSamEvents(resource, context);
  },
};

function checkMethod(resource: Resource, context: RuleContext): void {
  const properties = resource.properties;
  if (!properties || isOptions(properties.byKey.get('HttpMethod')?.value, context)) return;
  // A mock integration answers by itself: there is nothing behind it to reach.
  if (textOf(getProperty(getProperty(properties, 'Integration'), 'Type'), context.evaluator)?.toUpperCase() === 'MOCK') return;
  if (isTrue(properties.byKey.get('ApiKeyRequired')?.value, context)) return;
  const api = context.facts?.targetOf(properties.byKey.get('RestApiId')?.value);
  if (api && isPrivateApi(api, context)) return;
  const pair = properties.byKey.get('AuthorizationType');
  if (!pair) {
    context.report({ at: missingPropertyAnchor(resource), message: `${resource.logicalId} lets anyone call the method: AuthorizationType is not set and defaults to NONE, and no API key is required.` });
    return;
  }
  const open = context.evaluator.candidates(pair.value).find((candidate) => asText(candidate.value)?.toUpperCase() === 'NONE');
  if (open) context.report({ at: pair.value, message: `${resource.logicalId} lets anyone call the method: AuthorizationType is NONE${explain(open)}, and no API key is required.` });
}

/** SAM `Api` events: the event's authorizer, else the API's default, else the one in Globals; the same for API keys. */
function checkSamEvents(resource: Resource, context: RuleContext): void {
  for (const event of samEvents(resource, 'Api')) {
    const properties = event.properties;
    if (isOptions(properties?.byKey.get('Method')?.value, context)) continue;
    const apiId = properties?.byKey.get('RestApiId')?.value;
    const api = apiId ? context.facts?.targetOf(apiId) : undefined;
    // An API given by an id from elsewhere, or described by an OpenAPI document, may define its authorization there.
    if (apiId && !api) continue;
    if (api && (api.properties?.byKey.has('DefinitionBody') || api.properties?.byKey.has('DefinitionUri') || isPrivateApi(api, context))) continue;
    const apiAuth = api ? getProperty(api.properties, 'Auth') : undefined;
    const globalAuth = samGlobal(context.template, 'Api', 'Auth');
    const eventAuth = getProperty(properties, 'Auth');
    const authorizerNode = [getProperty(eventAuth, 'Authorizer'), getProperty(apiAuth, 'DefaultAuthorizer'), getProperty(globalAuth, 'DefaultAuthorizer')].find(Boolean);
    const authorizer = textOf(authorizerNode, context.evaluator);
    // An authorizer only known at deploy time is not reported.
    if (authorizerNode && authorizer === undefined) continue;
    const apiKey = [getProperty(eventAuth, 'ApiKeyRequired'), getProperty(apiAuth, 'ApiKeyRequired'), getProperty(globalAuth, 'ApiKeyRequired')].find(Boolean);
    if (apiKey && isTrue(apiKey, context)) continue;
    if (authorizer !== undefined && authorizer.toUpperCase() !== 'NONE') continue;
    const where = api ? `API ${api.logicalId}` : 'the implicit API';
    context.report({
      at: event.key,
      message: `${resource.logicalId} event ${event.name} lets anyone call the method: ${authorizer ? 'its Auth.Authorizer is NONE' : `neither the event nor ${where} sets an authorizer`}, and no API key is required.`,
    });
  }
}

function isOptions(node: Node | undefined, context: RuleContext): boolean {
  return node !== undefined && context.evaluator.candidates(node).every((candidate) => asText(candidate.value)?.toUpperCase() === 'OPTIONS');
}

function isTrue(node: Node | undefined, context: RuleContext): boolean {
  return node !== undefined && context.evaluator.candidates(node).every((candidate) => asBoolean(candidate.value) === true);
}

export default rule;
