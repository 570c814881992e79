import type { Rule } from '../../server/src/engine/rule';
import { valueFixes } from '../lib/fixes';
import { LOAD_BALANCER, loadBalancerAttribute, mayBeApplication } from '../lib/load-balancers';
import { missingPropertyAnchor } from '../lib/properties';
import { asBoolean, explain } from '../lib/values';

const KEY = 'routing.http.drop_invalid_header_fields.enabled';

const rule: Rule = {
  meta: {
    id: 'alb-drops-invalid-header-fields',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP04'],
    severity: 'warning',
    title: 'Application Load Balancers should drop invalid HTTP header fields',
    rationale:
      'By default an Application Load Balancer passes on header fields whose names break the HTTP specification. Front ends and back ends that read such headers differently are how request smuggling and header injection attacks reach an application past the checks at the edge. Dropping them at the load balancer removes that ambiguity before a request reaches any target.',
    remediation:
      'Add `routing.http.drop_invalid_header_fields.enabled` with `Value: "true"` to `LoadBalancerAttributes`. It changes in place; only requests with malformed header names are affected, and they lose those headers.',
    docs: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-elasticloadbalancingv2-loadbalancer-loadbalancerattribute.html',
    ],
    resourceTypes: [LOAD_BALANCER],
    equivalents: { checkov: ['CKV_AWS_131'], cfnNag: [], cfnLint: [], kics: [], securityHub: ['ELB.4'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: !Ref Subnets
`,
      secure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: !Ref Subnets
      LoadBalancerAttributes:
        - Key: routing.http.drop_invalid_header_fields.enabled
          Value: "true"
        - Key: access_logs.s3.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: central-elb-logs
`,
    },
  },
  resource(resource, context) {
    if (!mayBeApplication(resource, context)) return;
    const { entries, add } = loadBalancerAttribute(resource, KEY, context);
    if (entries.length === 0) {
      const listed = resource.properties?.byKey.get('LoadBalancerAttributes');
      // A list chosen by an intrinsic that is not `!If` is not known here.
      if (listed && !add && !(listed.value.kind === 'intrinsic' && listed.value.name === 'Fn::If')) return;
      context.report({
        at: listed?.key ?? missingPropertyAnchor(resource),
        message: `${resource.logicalId} passes invalid HTTP header fields to its targets: ${KEY} is not set and defaults to false.`,
        fixes: add ? [{ title: `Add ${KEY} = true`, preferred: true, changes: [add('true')] }] : [],
      });
      return;
    }
    for (const entry of entries) {
      if (!entry.value) continue;
      const insecure = context.evaluator.candidates(entry.value.value).filter((candidate) => candidate.value.kind !== 'unknown' && candidate.value.kind !== 'symbolic' && asBoolean(candidate.value) !== true);
      if (insecure.length === 0) continue;
      context.report({
        at: entry.value.value,
        message: `${resource.logicalId} passes invalid HTTP header fields to its targets: ${KEY} is not true${explain(insecure[0])}.`,
        fixes: valueFixes(context, entry.value.value, insecure, 'true', { label: KEY }),
      });
    }
  },
};

export default rule;
