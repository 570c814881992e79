import type { Rule } from '../../server/src/engine/rule';
import { LISTENER, listenerProtocols } from '../lib/load-balancers';
import { checkProperty, type PropertyRequirement } from '../lib/properties';
import { asText } from '../lib/values';

/** The policy a fix writes: AWS's recommended policy, TLS 1.3 and 1.2 only. */
const RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * The predefined policies whose minimum is TLS 1.2: `ELBSecurityPolicy-TLS13-1-2-*` (with their Res,
 * Ext, FIPS and PQ variants), `-TLS13-1-3-*`, `-TLS-1-2-*` and `-FS-1-2-*`. The others
 * (`ELBSecurityPolicy-2016-08`, `-TLS-1-1-*`, `-FS-1-1-*`, `-TLS13-1-0-*`, `-TLS13-1-1-*`) accept TLS 1.0 or 1.1.
 */
const TLS_1_2_OR_LATER = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/i;

const requirement: PropertyRequirement = {
  path: 'SslPolicy',
  what: 'TLS 1.2',
  secure: (value) => value.kind !== 'known' || TLS_1_2_OR_LATER.test(asText(value) ?? ''),
  whenMissing: 'insecure',
  defaultText: 'ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1',
  fix: { value: RECOMMENDED },
  missingPhrase: 'accepts TLS 1.0 and 1.1',
  insecurePhrase: 'accepts TLS versions older than 1.2',
};

const rule: Rule = {
  meta: {
    id: 'elb-listener-tls12-policy',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'Load balancer HTTPS and TLS listeners should accept only TLS 1.2 or later',
    rationale:
      'The security policy of a listener decides which protocol versions and ciphers clients may negotiate. TLS 1.0 and 1.1 have known weaknesses and are deprecated; a listener that still accepts them lets a client, or an attacker who can downgrade one, protect traffic with them. Without `SslPolicy` a listener gets ELBSecurityPolicy-2016-08, which accepts both.',
    remediation:
      'Set `SslPolicy` to `ELBSecurityPolicy-TLS13-1-2-2021-06` (TLS 1.3 and 1.2), or another policy whose minimum is TLS 1.2 (`ELBSecurityPolicy-TLS13-1-2-*`, `ELBSecurityPolicy-TLS-1-2-*`, `ELBSecurityPolicy-FS-1-2-*`). The listener changes in place; clients limited to TLS 1.0 or 1.1 can no longer connect.',
    docs: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html',
    ],
    resourceTypes: [LISTENER],
    equivalents: { checkov: ['CKV_AWS_103'], cfnNag: ['W55'], cfnLint: [], kics: [], securityHub: ['ELB.17'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Balancer:
    Type: String
  Certificate:
    Type: String
Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-2016-08
      Certificates:
        - CertificateArn: !Ref Certificate
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef
`,
      secure: `Parameters:
  Balancer:
    Type: String
  Certificate:
    Type: String
Resources:
  Web:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates:
        - CertificateArn: !Ref Certificate
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef
`,
    },
  },
  resource(resource, context) {
    const protocols = listenerProtocols(resource, context);
    if (protocols.has('HTTPS') || protocols.has('TLS')) checkProperty(resource, context, requirement);
  },
};

export default rule;
