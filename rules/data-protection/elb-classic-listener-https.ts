import type { Rule } from '../../server/src/engine/rule';
import { CLASSIC_LOAD_BALANCER, isInternal } from '../lib/load-balancers';
import { checkProperty, mustBeOneOf } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'elb-classic-listener-https',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'Internet-facing Classic Load Balancers should listen only with HTTPS or SSL',
    rationale:
      'A Classic Load Balancer listener with `Protocol: HTTP` or `TCP` takes requests from the internet in plain text: credentials, cookies and the data of every request can be read or altered by anyone on the path. Terminating TLS at the load balancer, with a certificate from ACM, protects that leg of the journey.',
    remediation:
      'Give each internet-facing listener `Protocol: HTTPS` (or `SSL` for TCP traffic) with an `SSLCertificateId` from ACM, and keep HTTP only where a backend redirects to HTTPS. Better still, move to an Application Load Balancer, whose HTTP listener can redirect by itself. Internal load balancers, reachable only from their VPC, are not reported.',
    docs: [
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-https-load-balancers.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-elb-listener.html',
    ],
    resourceTypes: [CLASSIC_LOAD_BALANCER],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: ['80908a75-586b-4c61-ab04-490f4f4525b8'], securityHub: ['ELB.3'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a, eu-west-1b]
      Listeners:
        - LoadBalancerPort: "80"
          InstancePort: "80"
          Protocol: HTTP
`,
      secure: `Parameters:
  Certificate:
    Type: String
  LogBucket:
    Type: String
Resources:
  Balancer:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a, eu-west-1b]
      AccessLoggingPolicy:
        Enabled: true
        S3BucketName: !Ref LogBucket
      Listeners:
        - LoadBalancerPort: "443"
          InstancePort: "443"
          Protocol: HTTPS
          InstanceProtocol: HTTPS
          SSLCertificateId: !Ref Certificate
`,
    },
  },
  resource(resource, context) {
    if (isInternal(resource, context)) return;
    checkProperty(resource, context, { ...mustBeOneOf('Listeners[].Protocol', 'HTTPS', ['HTTPS', 'SSL'], 'secure'), insecurePhrase: 'takes plain-text traffic from the internet' });
  },
};

export default rule;
