import rule from '../../rules/data-protection/elb-http-listener-redirects-to-https';
import { testRule } from '../helpers/rule-tester';

const balancer = (scheme = '') => `  Balancer:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Subnets: [subnet-1, subnet-2]\n${scheme}`;
const listener = (actions: string, protocol = 'HTTP', name = 'Web') =>
  `  ${name}:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties:\n      LoadBalancerArn: !Ref Balancer\n      Port: 80\n      Protocol: ${protocol}\n      DefaultActions:\n${actions}`;
const forward = '        - Type: forward\n          TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123\n';
const redirect = '        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: "443"\n            StatusCode: HTTP_301\n';
const fixed = '        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTPS\n            Port: "443"\n            StatusCode: HTTP_301\n';
const https = listener(forward, 'HTTPS', 'Secure');
const template = (...resources: string[]) => `Resources:\n${resources.join('')}`;

testRule(rule, {
  valid: [
    { name: 'HTTP listener that redirects to HTTPS', code: template(balancer(), listener(redirect)) },
    { name: 'HTTPS listener that forwards', code: template(balancer(), https) },
    { name: 'HTTP listener of an internal load balancer', code: template(balancer('      Scheme: internal\n'), listener(forward)) },
    { name: 'TCP listener of a network load balancer', code: template(balancer('      Type: network\n'), listener(forward, 'TCP')) },
    { name: 'redirect protocol from a parameter without a default', code: `Parameters:\n  To:\n    Type: String\n${template(balancer(), listener('        - Type: redirect\n          RedirectConfig:\n            Protocol: !Ref To\n'))}` },
    { name: 'actions from a parameter-free intrinsic', code: template(balancer(), listener('        !GetAtt Other.Actions\n').replace('      DefaultActions:\n        !GetAtt', '      DefaultActions: !GetAtt')) },
    {
      name: 'JSON, redirect',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1", "Port": 80, "Protocol": "HTTP", "DefaultActions": [\n  {\n    "Type": "redirect",\n    "RedirectConfig": {\n      "Protocol": "HTTPS",\n      "Port": "443",\n      "StatusCode": "HTTP_301"\n    }\n  }\n]}}}}',
    },
  ],
  invalid: [
    {
      name: 'HTTP listener that forwards, the load balancer already serves HTTPS: preferred redirect',
      code: template(balancer(), listener(forward), https),
      findings: [{ range: '13:9-14:99', message: 'Web of internet-facing load balancer Balancer serves plain HTTP: its default action does not redirect to HTTPS.' }],
      output: template(balancer(), listener(fixed), https),
    },
    {
      name: 'HTTP listener alone: the fix is offered, not preferred',
      code: template(balancer(), listener(forward)),
      findings: [{ range: '13:9-14:99' }],
      output: template(balancer(), listener(fixed)),
    },
    {
      name: 'load balancer from another stack',
      code: template(listener(forward).replace('!Ref Balancer', '!ImportValue shared-balancer')),
      findings: [{ range: '9:9-10:99', message: 'Web serves plain HTTP: its default action does not redirect to HTTPS.' }],
      output: template(listener(fixed).replace('!Ref Balancer', '!ImportValue shared-balancer')),
    },
    {
      name: 'fixed response on one branch of !If',
      code: `Conditions:\n  HasCertificate: !Equals [!Ref AWS::StackName, prod]\n${template(balancer(), listener('        !If [HasCertificate, [{Type: redirect, RedirectConfig: {Protocol: HTTPS}}], [{Type: fixed-response}]]\n').replace('      DefaultActions:\n        !If', '      DefaultActions: !If'))}`,
      findings: [{ range: '14:23-14:124', message: /\(when condition HasCertificate is false\)/ }],
      output: `Conditions:\n  HasCertificate: !Equals [!Ref AWS::StackName, prod]\n${template(balancer(), listener('        !If [HasCertificate, [{Type: redirect, RedirectConfig: {Protocol: HTTPS}}], [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]]\n').replace('      DefaultActions:\n        !If', '      DefaultActions: !If'))}`,
    },
    {
      name: 'redirect to HTTP is not a redirect to HTTPS',
      code: template(balancer('      Scheme: internet-facing\n'), listener('        - Type: redirect\n          RedirectConfig:\n            Protocol: HTTP\n            Host: example.com\n')),
      findings: [{ range: '14:9-17:30' }],
      output: template(balancer('      Scheme: internet-facing\n'), listener(fixed)),
    },
    {
      name: 'scheme from a parameter that allows internet-facing: reported, without claiming it',
      code: `Parameters:\n  Scheme:\n    Type: String\n    Default: internal\n    AllowedValues: [internal, internet-facing]\n${template(balancer('      Scheme: !Ref Scheme\n'), listener(forward))}`,
      findings: [{ range: '19:9-20:99', message: 'Web of load balancer Balancer serves plain HTTP: its default action does not redirect to HTTPS.' }],
      output: `Parameters:\n  Scheme:\n    Type: String\n    Default: internal\n    AllowedValues: [internal, internet-facing]\n${template(balancer('      Scheme: !Ref Scheme\n'), listener(fixed))}`,
    },
    {
      name: 'JSON, forward',
      file: 't.json',
      code: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1", "Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "tg"}]}}}}',
      findings: [{ range: '1:235-1:280' }],
      output: '{"Resources": {"Web": {"Type": "AWS::ElasticLoadBalancingV2::Listener", "Properties": {"LoadBalancerArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1", "Port": 80, "Protocol": "HTTP", "DefaultActions": [\n  {\n    "Type": "redirect",\n    "RedirectConfig": {\n      "Protocol": "HTTPS",\n      "Port": "443",\n      "StatusCode": "HTTP_301"\n    }\n  }\n]}}}}',
    },
  ],
});
