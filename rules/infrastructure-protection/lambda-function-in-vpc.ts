import type { Value } from '../../server/src/engine/evaluate';
import type { Rule } from '../../server/src/engine/rule';
import { checkProperty } from '../lib/properties';
import { samGlobal } from '../lib/sam';

/** `VpcConfig: { SubnetIds: [] }` detaches a function from its VPC. */
function attached(value: Value): boolean {
  return !(value.kind === 'collection' && value.node.kind === 'seq' && value.node.items.length === 0);
}

const rule: Rule = {
  meta: {
    id: 'lambda-function-in-vpc',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01'],
    severity: 'info',
    title: 'Lambda functions that reach private resources can run in a VPC',
    rationale:
      'A function outside a VPC reaches the internet directly and reaches private resources only through public endpoints, so its traffic cannot be limited by security groups, network ACLs, VPC endpoint policies or an egress firewall, nor recorded in VPC flow logs. For a function that handles sensitive data, running in private subnets puts it behind the same network layers as the rest of the workload. Most functions call only AWS APIs, which IAM already controls: for them a VPC adds cost and cold-start latency, which is why this rule is off until turned on.',
    remediation:
      'Set `VpcConfig` with private `SubnetIds` in at least two Availability Zones and `SecurityGroupIds` whose egress admits only what the function calls; add VPC endpoints (or a NAT gateway) for the AWS services it uses. The function role needs the `AWSLambdaVPCAccessExecutionRole` permissions. In SAM, `Globals.Function.VpcConfig` applies to every function. Lambda@Edge functions cannot run in a VPC.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-vpcconfig.html',
      'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
    ],
    resourceTypes: ['AWS::Lambda::Function', 'AWS::Serverless::Function'],
    equivalents: { checkov: ['CKV_AWS_117'], cfnNag: ['W89'], cfnLint: [], kics: [], securityHub: ['Lambda.3'], cis: [] },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Resources:
  Export:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/export
      Code:
        ZipFile: "def handler(event, context): pass"
`,
      secure: `Resources:
  Export:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/export
      Code:
        ZipFile: "def handler(event, context): pass"
      VpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        SecurityGroupIds: [sg-0123456789abcdef0]
`,
    },
  },
  resource(resource, context) {
    // SAM's Globals give every function that does not set its own a VpcConfig.
    if (resource.type === 'AWS::Serverless::Function' && !resource.properties?.byKey.has('VpcConfig') && samGlobal(context.template, 'Function', 'VpcConfig')) return;
    checkProperty(resource, context, { path: 'VpcConfig.SubnetIds', what: 'a VPC', secure: attached, whenMissing: 'insecure', missingPhrase: 'runs outside a VPC', insecurePhrase: 'runs outside a VPC' });
  },
};

export default rule;
