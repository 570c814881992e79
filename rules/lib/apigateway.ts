import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import { getProperty, type Node } from '../../server/src/engine/tree';
import { asText } from './values';

/**
 * A private REST API (`EndpointConfiguration` PRIVATE, as `Types` on AWS::ApiGateway::RestApi or
 * `Type` on a SAM API) is reachable only through VPC endpoints that its resource policy names.
 */
export function isPrivateApi(api: Resource, context: RuleContext): boolean {
  const configuration = getProperty(api.properties, 'EndpointConfiguration');
  const types = getProperty(configuration, 'Types') ?? getProperty(configuration, 'Type') ?? configuration;
  if (!types) return false;
  const values = types.kind === 'seq' ? types.items : [types];
  return values.some((node) => context.evaluator.candidates(node).every((candidate) => asText(candidate.value)?.toUpperCase() === 'PRIVATE'));
}

/** The resources that attach a web ACL to another: WAFv2 and WAF Classic regional associations. */
const ASSOCIATIONS = ['AWS::WAFv2::WebACLAssociation', 'AWS::WAFRegional::WebACLAssociation'];

/**
 * The REST API stages that web ACL associations of this template name, as "<api>/<stage>" texts:
 * `ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}` gives
 * "${Api}/${Stage}", a parameter with a default its value, a literal id itself.
 */
export function stagesWithWebAcl(context: RuleContext): Set<string> {
  const stages = new Set<string>();
  for (const resource of context.template?.resources ?? []) {
    if (!ASSOCIATIONS.includes(resource.type)) continue;
    for (const text of texts(resource.properties?.byKey.get('ResourceArn')?.value, context)) {
      const match = /\/restapis\/([^/]+)\/stages\/([^/]+)$/.exec(text);
      if (match) stages.add(`${match[1]}/${match[2]}`);
    }
  }
  return stages;
}

/** Every text a value may be: literal values, and deploy-time ones with `${Name}` for what is not known. */
export function texts(node: Node | undefined, context: RuleContext): string[] {
  if (!node) return [];
  return context.evaluator.candidates(node).flatMap((candidate) => {
    if (candidate.value.kind === 'symbolic') return [candidate.value.text];
    const text = asText(candidate.value);
    return text === undefined ? [] : [text];
  });
}
