import type { PropertyRequirement } from '../lib/properties';
import { mustNotBeTrue, propertyRule } from '../lib/properties';

/** Where each type asks for a public IP address, and whether changing it replaces the resource. */
const PUBLIC_IP: Readonly<Record<string, { path: string; replaces: boolean }>> = {
  'AWS::EC2::Instance': { path: 'NetworkInterfaces[].AssociatePublicIpAddress', replaces: true },
  'AWS::EC2::LaunchTemplate': { path: 'LaunchTemplateData.NetworkInterfaces[].AssociatePublicIpAddress', replaces: false },
  'AWS::AutoScaling::LaunchConfiguration': { path: 'AssociatePublicIpAddress', replaces: true },
};

export default propertyRule(
  {
    id: 'ec2-instance-no-public-ip',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC06-BP02'],
    severity: 'warning',
    title: 'EC2 instances should not get public IP addresses',
    rationale:
      'An instance with a public IP address can be reached from the internet whenever a security group rule, now or later, lets traffic in, and it can reach the internet without passing a NAT gateway, proxy or firewall you inspect. Keeping instances in private subnets behind load balancers, and reaching them with Session Manager, leaves one deliberate entry point instead of one per instance.',
    remediation:
      'Set `AssociatePublicIpAddress: false` (or remove it) on the network interfaces of the instance, launch template or launch configuration, put the instances in private subnets, and expose services through a load balancer, API Gateway or CloudFront. Use Session Manager instead of SSH from the internet. Instances with `SourceDestCheck: false` (NAT instances, VPN and firewall appliances) are not reported. A changed network interface replaces an instance or launch configuration; a launch template gets a new version.',
    docs: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html#vpc-public-ipv4-addresses',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance-networkinterface.html#cfn-ec2-instance-networkinterface-associatepublicipaddress',
    ],
    resourceTypes: Object.keys(PUBLIC_IP),
    equivalents: { checkov: ['CKV_AWS_88'], cfnNag: [], cfnLint: [], kics: [], securityHub: ['EC2.9', 'EC2.25', 'AutoScaling.5'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Web:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.micro
        MetadataOptions:
          HttpTokens: required
        NetworkInterfaces:
          - DeviceIndex: 0
            SubnetId: !Ref Subnet
            AssociatePublicIpAddress: true
`,
      secure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Web:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        InstanceType: t3.micro
        MetadataOptions:
          HttpTokens: required
        NetworkInterfaces:
          - DeviceIndex: 0
            SubnetId: !Ref Subnet
            AssociatePublicIpAddress: false
`,
    },
  },
  (resource) => {
    // An instance that forwards traffic for others (SourceDestCheck off: a NAT instance, a VPN or firewall appliance) needs its public address.
    const check = resource.properties?.byKey.get('SourceDestCheck')?.value;
    if (check?.kind === 'scalar' && String(check.value).toLowerCase() === 'false') return [];
    const setting = PUBLIC_IP[resource.type];
    const requirement: PropertyRequirement = {
      ...mustNotBeTrue(setting.path, 'a public IP address', { value: false, replaces: setting.replaces, preferred: !setting.replaces }),
      insecurePhrase: 'gives its instances a public IP address',
    };
    return [requirement];
  },
);
