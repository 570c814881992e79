import { mustNotBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ec2-subnet-no-auto-assign-public-ip',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01'],
    severity: 'info',
    title: 'Subnets should not give every instance a public IP address',
    rationale:
      'With `MapPublicIpOnLaunch: true`, every instance or network interface created in the subnet without saying otherwise gets a public IPv4 address, and becomes reachable from the internet as soon as a security group allows it. Public subnets are legitimate for load balancers and NAT gateways, but those get their addresses without this setting; it matters only for instances, which should ask for a public address explicitly when they really need one. It is reported as information because VPC templates set it so often for such public subnets.',
    remediation:
      'Set `MapPublicIpOnLaunch: false` (the default) and give the few instances that need a public address one explicitly (`AssociatePublicIpAddress` on the network interface, or an Elastic IP). It changes in place and affects only instances launched afterwards; check that nothing in the subnet relies on it for outbound internet access, or route that through a NAT gateway.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-subnet.html#cfn-ec2-subnet-mappubliciponlaunch',
    ],
    resourceTypes: ['AWS::EC2::Subnet'],
    equivalents: { checkov: [], cfnNag: ['W33'], cfnLint: [], kics: ['b3de4e4c-14be-4159-b99d-9ad194365e4c'], securityHub: ['EC2.15'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Vpc:
    Type: AWS::EC2::VPC::Id
Resources:
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true
`,
      secure: `Parameters:
  Vpc:
    Type: AWS::EC2::VPC::Id
Resources:
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: false
`,
    },
  },
  [{ ...mustNotBeTrue('MapPublicIpOnLaunch', 'public IP addresses', { value: false, preferred: false }), insecurePhrase: 'gives every instance launched in it a public IP address' }],
);
