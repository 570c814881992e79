import type { Rule } from '../../server/src/engine/rule';
import { within } from '../lib/fixes';
import { isInternal, isInternetFacing, LISTENER, listenerProtocols, loadBalancerOf, redirectsToHttps } from '../lib/load-balancers';
import { explain } from '../lib/values';

/** The action the fix writes: a permanent redirect to the same host and path over HTTPS. */
const REDIRECT = [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }];

const rule: Rule = {
  meta: {
    id: 'elb-http-listener-redirects-to-https',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'Application Load Balancer HTTP listeners should redirect to HTTPS',
    rationale:
      'A listener that answers plain HTTP serves pages, cookies and form posts that anyone on the path can read or rewrite, and a client that typed the address without `https://` never learns that a protected version exists. Answering HTTP only with a redirect keeps port 80 open for convenience while every request that carries data travels over TLS.',
    remediation:
      'Make the HTTP listener\'s only default action a `redirect` with `Protocol: HTTPS`, `Port: "443"` and `StatusCode: HTTP_301`, and serve the application from an HTTPS listener with an ACM certificate. Listeners of internal load balancers, reachable only from their VPC, are not reported.',
    docs: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html',
    ],
    resourceTypes: [LISTENER],
    equivalents: {
      checkov: ['CKV_AWS_2'],
      cfnNag: ['W56'],
      cfnLint: [],
      kics: ['275a3217-ca37-40c1-a6cf-bb57d245ab32'],
      securityHub: ['ELB.1'],
      cis: [],
    },
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
  Web:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: forward
          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef
`,
      secure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  Certificate:
    Type: String
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
  Redirect:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Balancer
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig:
            Protocol: HTTPS
            Port: "443"
            StatusCode: HTTP_301
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
    if (!listenerProtocols(resource, context).has('HTTP')) return;
    const balancer = loadBalancerOf(resource, context);
    if (balancer && isInternal(balancer, context)) return;
    const pair = resource.properties?.byKey.get('DefaultActions');
    // DefaultActions is required: without it the template does not deploy, which is another check's concern.
    if (!pair) return;
    const insecure = context.evaluator.candidates(pair.value).filter((candidate) => candidate.value.kind !== 'noValue' && !redirectsToHttps(candidate, context));
    if (insecure.length === 0) return;
    // The fix is safe to apply blindly only when the same load balancer already serves HTTPS.
    const servesHttps = balancer !== undefined && (context.facts?.listenersOf(balancer) ?? []).some((other) => other !== resource && listenerProtocols(other, context).has('HTTPS'));
    const local = insecure.every((candidate) => candidate.source && !candidate.parameter && within(candidate.source, pair.value));
    const where = balancer ? ` of ${isInternetFacing(balancer, context) ? 'internet-facing ' : ''}load balancer ${balancer.logicalId}` : '';
    context.report({
      at: pair.value,
      message: `${resource.logicalId}${where} serves plain HTTP: its default action does not redirect to HTTPS${explain(insecure[0])}.`,
      fixes: local
        ? [{
            title: `Redirect HTTP to HTTPS (port 443, HTTP 301)${servesHttps ? '' : ': the load balancer needs an HTTPS listener'}`,
            preferred: servesHttps,
            changes: insecure.map((candidate) => ({ kind: 'replace' as const, node: candidate.source!, value: REDIRECT })),
          }]
        : [],
    });
  },
};

export default rule;
