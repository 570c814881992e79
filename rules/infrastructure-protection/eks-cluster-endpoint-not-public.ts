import type { Candidate } from '../../server/src/engine/evaluate';
import type { Resource } from '../../server/src/engine/model';
import { intrinsic, type Change, type FixSpec, type Rule, type RuleContext } from '../../server/src/engine/rule';
import type { MapNode, Node, SeqNode } from '../../server/src/engine/tree';
import { isWholeInternet, restrictSourceFix } from '../lib/network';
import { addParameter, unusedParameterName } from '../lib/template';
import { asBoolean, asText, describeValue, explain, explainConditions } from '../lib/values';

const PURPOSE = { name: 'EksApi', reaches: 'the Kubernetes API endpoint' };

const rule: Rule = {
  meta: {
    id: 'eks-cluster-endpoint-not-public',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'warning',
    title: 'EKS cluster API endpoints should not be open to the whole internet',
    rationale:
      'The Kubernetes API server controls everything that runs in the cluster. EKS gives it a public endpoint by default, open to 0.0.0.0/0: every leaked kubeconfig, token or IAM credential mapped into the cluster is usable from anywhere, and vulnerabilities of the API server or its authenticators can be probed by anyone. Limiting the endpoint to the networks that administer the cluster removes that exposure.',
    remediation:
      'Prefer a private endpoint: set `EndpointPrivateAccess: true` and `EndpointPublicAccess: false`, and run `kubectl`, CI/CD and GitOps agents from inside the VPC or over a VPN or AWS Direct Connect. Where a public endpoint is needed, list the administrators\' egress ranges in `PublicAccessCidrs` (the default is 0.0.0.0/0), and keep `EndpointPrivateAccess: true` so that nodes reach the API server without leaving the VPC. Both settings change in place, without replacing the cluster.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-resourcesvpcconfig.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    ],
    resourceTypes: ['AWS::EKS::Cluster'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['EKS.1'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
`,
      secure: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }]
`,
    },
  },
  resource(resource, context) {
    const config = resource.properties?.byKey.get('ResourcesVpcConfig');
    if (!config) return;
    for (const branch of context.evaluator.candidates(config.value)) {
      if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
      checkEndpoint(resource, branch.value.node, config.key, branch.conditions, context);
    }
  },
};

/** One branch of ResourcesVpcConfig: is the public endpoint on, and open to every address? */
function checkEndpoint(resource: Resource, config: MapNode, configKey: Node, conditions: Candidate['conditions'], context: RuleContext): void {
  const publicPair = config.byKey.get('EndpointPublicAccess');
  // The public endpoint is on by default; a value only known at deploy time is not reported.
  const turnedOn = publicPair ? context.evaluator.candidates(publicPair.value).find((c) => c.value.kind === 'noValue' || asBoolean(c.value) === true) : undefined;
  if (publicPair && !turnedOn) return;
  const publicText = turnedOn && turnedOn.value.kind !== 'noValue' ? `EndpointPublicAccess ${describeValue(turnedOn.value)}${explain(turnedOn)}` : 'EndpointPublicAccess is not set (default true)';
  const lead = `${resource.logicalId} opens its Kubernetes API endpoint to the whole internet`;

  const cidrsPair = config.byKey.get('PublicAccessCidrs');
  const cidrs = cidrsPair ? context.evaluator.candidates(cidrsPair.value) : [];
  if (!cidrsPair || cidrs.some((c) => c.value.kind === 'noValue')) {
    const removed = cidrs.find((c) => c.value.kind === 'noValue');
    context.report({
      at: cidrsPair?.value ?? publicPair?.value ?? configKey,
      message: `${lead}: ${publicText} and PublicAccessCidrs is not set (default 0.0.0.0/0)${explainConditions([...conditions, ...(removed?.conditions ?? [])])}.`,
      fixes: removed ? [] : [restrictToParameter(config, context), privateEndpoint(config)].filter((fix): fix is FixSpec => fix !== undefined),
    });
  }
  for (const open of cidrsPair ? openRanges(cidrsPair.value, cidrs, context) : []) {
    context.report({
      at: open.node,
      message: `${lead}: ${publicText} and PublicAccessCidrs includes ${open.cidr}${explain({ ...open.candidate, conditions: [...conditions, ...open.candidate.conditions] })}.`,
      fixes: [...removeRange(open), ...restrictSourceFix(context, { node: open.node, candidate: open.candidate, cidr: open.cidr, family: 'IPv4' }, PURPOSE), privateEndpoint(config)],
    });
  }
}

interface OpenRange {
  readonly node: Node;
  readonly candidate: Candidate;
  readonly cidr: string;
  /** The list the range is an item of, when it is written there beside other ranges. */
  readonly list?: SeqNode;
}

/** Drops the open range from a list that names other ranges too: those keep their access. */
function removeRange(open: OpenRange): FixSpec[] {
  if (!open.list || open.candidate.source !== open.node || open.list.items.length < 2) return [];
  return [{ title: `Remove ${open.cidr} from PublicAccessCidrs`, preferred: false, changes: [{ kind: 'splice', seq: open.list, index: open.list.items.indexOf(open.node), deleteCount: 1, values: [] }] }];
}

/**
 * The whole-internet ranges of the list: at the item that holds one, or at the property for a
 * list that comes whole from a parameter (a CommaDelimitedList default such as "10.0.0.0/8,0.0.0.0/0").
 */
function openRanges(property: Node, lists: readonly Candidate[], context: RuleContext): OpenRange[] {
  const found: OpenRange[] = [];
  for (const list of lists) {
    const text = asText(list.value);
    if (text !== undefined) {
      // A CommaDelimitedList parameter: "203.0.113.0/24,0.0.0.0/0".
      const cidr = text.split(',').map((part) => part.trim()).find(isWholeInternet);
      if (cidr) found.push({ node: property, candidate: list, cidr });
      continue;
    }
    if (list.value.kind !== 'collection' || list.value.node.kind !== 'seq') continue;
    for (const item of list.value.node.items) {
      for (const candidate of context.evaluator.candidates(item)) {
        const cidr = asText(candidate.value);
        if (cidr !== undefined && isWholeInternet(cidr)) found.push({ node: item, candidate: { ...candidate, conditions: [...list.conditions, ...candidate.conditions] }, cidr, list: list.value.node });
      }
    }
  }
  return found;
}

/** `PublicAccessCidrs: [!Ref EksApiAllowedCidr]`, a new parameter without a default: each deployment names the network it trusts. */
function restrictToParameter(config: MapNode, context: RuleContext): FixSpec | undefined {
  const template = context.template;
  if (!template) return undefined;
  const name = unusedParameterName(template, `${PURPOSE.name}AllowedCidr`);
  const changes: Change[] = [
    { kind: 'set', map: config, key: 'PublicAccessCidrs', value: [intrinsic.ref(name)] },
    addParameter(template, name, {
      Type: 'String',
      Description: `The IPv4 range allowed to reach ${PURPOSE.reaches}, e.g. 203.0.113.0/24`,
      AllowedPattern: '^(\\d{1,3}\\.){3}\\d{1,3}/(\\d|[12]\\d|3[0-2])$',
      ConstraintDescription: 'must be an IPv4 CIDR block such as 203.0.113.0/24',
    }),
  ];
  return { title: `Limit PublicAccessCidrs to a new parameter ${name}`, preferred: false, changes };
}

/** Turns the public endpoint off and the private one on: kubectl must then run from the VPC. */
function privateEndpoint(config: MapNode): FixSpec {
  return {
    title: 'Make the endpoint private (EndpointPublicAccess false, EndpointPrivateAccess true)',
    preferred: false,
    changes: [
      { kind: 'set', map: config, key: 'EndpointPublicAccess', value: false },
      { kind: 'set', map: config, key: 'EndpointPrivateAccess', value: true },
    ],
  };
}

export default rule;
