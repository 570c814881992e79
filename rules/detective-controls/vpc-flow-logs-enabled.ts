import type { Resource } from '../../server/src/engine/model';
import { intrinsic, type FixSpec, type Rule, type RuleContext } from '../../server/src/engine/rule';
import { asMap, getProperty } from '../../server/src/engine/tree';
import { copyOf } from '../lib/fixes';
import { vpcFlowLogged } from '../lib/log-targets';

/** Properties of a flow log that say what it covers, not where it writes or how. */
const TARGET_PROPERTIES = new Set(['ResourceId', 'ResourceIds', 'ResourceType', 'Tags']);

const rule: Rule = {
  meta: {
    id: 'vpc-flow-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC05-BP02'],
    severity: 'warning',
    title: 'VPCs should have flow logs',
    rationale:
      'Flow logs record each connection in a network: source and destination, port, bytes, and whether it was accepted or rejected. They show what a compromised instance talked to, whether data left for an unknown address, and which probes the security groups turned away; no other log in AWS records traffic between resources inside a VPC.',
    remediation:
      'Add an `AWS::EC2::FlowLog` with `ResourceType: VPC` and `ResourceId: !Ref` the VPC, `TrafficType: ALL` (at least `REJECT`), delivering to S3 (`LogDestinationType: s3`, `LogDestination` a bucket ARN) or to CloudWatch Logs (`LogGroupName` and a `DeliverLogsPermissionArn` role). A VPC whose subnets of the template all have their own flow log counts as covered; flow logs on single network interfaces do not, since interfaces created later would be missed.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-flowlog.html',
    ],
    resourceTypes: ['AWS::EC2::VPC'],
    equivalents: {
      checkov: [],
      cfnNag: ['W60'],
      cfnLint: [],
      kics: ['f6d299d2-21eb-41cc-b1e1-fe12d857500b'],
      securityHub: ['EC2.6'],
      cis: ['3.7'],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`,
      secure: `Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  NetworkFlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Network
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::central-flow-logs
`,
    },
  },
  resource(resource, context) {
    if (vpcFlowLogged(resource, context)) return;
    const conditional = (context.facts?.flowLogsOf(resource) ?? []).filter((log) => log.condition !== undefined);
    const detail = conditional.length > 0 ? ` when condition ${conditional[0].condition} is false (its flow log ${conditional[0].logicalId} exists only when it is true)` : '';
    context.report({ at: resource.key, message: `${resource.logicalId} has no flow log${detail}.`, fixes: conditional.length > 0 ? [] : copyFlowLogFix(resource, context) });
  },
};

/**
 * Another flow log of the template says where this template's network logs go and how: the fix adds
 * one like it for this VPC. Without one there is no destination to choose for the user.
 */
function copyFlowLogFix(vpc: Resource, context: RuleContext): FixSpec[] {
  const template = context.template;
  const resources = asMap(getProperty(template?.root, 'Resources'));
  const model = template?.resources.find((r) => r.type === 'AWS::EC2::FlowLog' && r.condition === undefined && r.properties);
  if (!template || !resources || !model?.properties) return [];
  let name = `${vpc.logicalId}FlowLog`;
  for (let n = 2; resources.byKey.has(name) || template.parameters.has(name); n++) name = `${vpc.logicalId}FlowLog${n}`;
  const properties: Record<string, unknown> = { ResourceId: intrinsic.ref(vpc.logicalId), ResourceType: 'VPC' };
  for (const pair of model.properties.pairs) if (!TARGET_PROPERTIES.has(String(pair.key.value))) properties[String(pair.key.value)] = copyOf(pair.value);
  const definition = { Type: 'AWS::EC2::FlowLog', ...(vpc.condition ? { Condition: vpc.condition } : {}), Properties: properties };
  // Right after the VPC, before the resource that follows it.
  const index = resources.pairs.findIndex((pair) => pair.key.value === vpc.logicalId);
  const next = resources.pairs[index + 1]?.key.value;
  return [{ title: `Add a flow log (${name}) like ${model.logicalId}`, preferred: true, changes: [{ kind: 'set', map: resources, key: name, value: definition, before: next === undefined ? undefined : [String(next)] }] }];
}

export default rule;
