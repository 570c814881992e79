import rule from '../../rules/data-protection/elb-classic-listener-https';
import { testRule } from '../helpers/rule-tester';

const balancer = (listeners: string, extra = '') =>
  `Resources:\n  Balancer:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties:\n      AvailabilityZones: [eu-west-1a]\n${extra}      Listeners:\n${listeners}`;
const listener = (protocol: string, port = '443') => `        - LoadBalancerPort: "${port}"\n          InstancePort: "80"\n          Protocol: ${protocol}\n`;

testRule(rule, {
  valid: [
    { name: 'HTTPS listener', code: balancer(listener('HTTPS')) },
    { name: 'SSL listener', code: balancer(listener('SSL')) },
    { name: 'HTTP listener of an internal load balancer', code: balancer(listener('HTTP', '80'), '      Scheme: internal\n') },
    { name: 'protocol from a parameter without a default', code: `Parameters:\n  Protocol:\n    Type: String\n${balancer(listener('!Ref Protocol'))}` },
    { name: 'JSON, HTTPS', file: 't.json', code: '{"Resources": {"Balancer": {"Type": "AWS::ElasticLoadBalancing::LoadBalancer", "Properties": {"Listeners": [{"LoadBalancerPort": "443", "InstancePort": "80", "Protocol": "HTTPS"}]}}}}' },
  ],
  invalid: [
    {
      name: 'HTTP listener beside an HTTPS one',
      code: balancer(listener('HTTPS') + listener('HTTP', '80')),
      findings: [{ range: '12:21-12:25', message: 'Balancer takes plain-text traffic from the internet: Listeners[1].Protocol is "HTTP".' }],
      output: null,
    },
    {
      name: 'TCP listener, internet-facing written out',
      code: balancer(listener('tcp', '5000'), '      Scheme: internet-facing\n'),
      findings: [{ range: '10:21-10:24' }],
      output: null,
    },
    {
      name: 'scheme from a parameter that may be internet-facing',
      code: `Parameters:\n  Scheme:\n    Type: String\n    Default: internal\n    AllowedValues: [internal, internet-facing]\n${balancer(listener('HTTP', '80'), '      Scheme: !Ref Scheme\n')}`,
      findings: [{ range: '15:21-15:25' }],
      output: null,
    },
    {
      name: 'protocol from a parameter default',
      code: `Parameters:\n  Protocol:\n    Type: String\n    Default: HTTP\n${balancer(listener('!Ref Protocol'))}`,
      findings: [{ range: '13:21-13:34', message: /from the default of parameter Protocol/ }],
      output: null,
    },
    {
      name: 'JSON, HTTP',
      file: 't.json',
      code: '{"Resources": {"Balancer": {"Type": "AWS::ElasticLoadBalancing::LoadBalancer", "Properties": {"Listeners": [{"LoadBalancerPort": "80", "InstancePort": "80", "Protocol": "HTTP"}]}}}}',
      findings: [{ range: '1:170-1:176' }],
      output: null,
    },
  ],
});
