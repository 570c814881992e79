import { mustBeOneOf, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'sagemaker-notebook-no-direct-internet',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'warning',
    title: 'SageMaker notebook instances and Studio domains should reach the internet only through your VPC',
    rationale:
      'By default a notebook instance gets a network interface on a SageMaker managed network with direct internet access, beside any VPC interface: code run in the notebook, or anyone who gets hold of the Jupyter session, can send training data and credentials anywhere, and none of your security groups, network ACLs, proxies or flow logs see that traffic. Studio domains do the same for every user\'s apps unless their network access type is `VpcOnly`. Disabling direct access routes everything through your VPC, where those controls apply.',
    remediation:
      'Set `DirectInternetAccess: Disabled` together with `SubnetId` and `SecurityGroupIds`. The notebook then needs a NAT gateway or VPC endpoints (SageMaker API and runtime, S3, CloudWatch Logs) to reach what it uses. The change replaces the notebook instance and its volume: copy the work on it first. For an `AWS::SageMaker::Domain`, set `AppNetworkAccessType: VpcOnly`; that replaces the domain, and its users\' home directories on EFS with it.',
    docs: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html#cfn-sagemaker-notebookinstance-directinternetaccess',
      'https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html',
    ],
    resourceTypes: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::Domain'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['SageMaker.1'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  NotebookRoleArn:
    Type: String
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !Ref NotebookRoleArn
      RootAccess: Disabled
`,
      secure: `Parameters:
  NotebookRoleArn:
    Type: String
  Subnet:
    Type: AWS::EC2::Subnet::Id
  NotebookSecurityGroup:
    Type: AWS::EC2::SecurityGroup::Id
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !Ref NotebookRoleArn
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!Ref NotebookSecurityGroup]
      DirectInternetAccess: Disabled
      RootAccess: Disabled
`,
    },
  },
  (resource) =>
    resource.type === 'AWS::SageMaker::Domain'
      ? [
          {
            // A domain always names its VPC and subnets, so VpcOnly can be written; it replaces the domain.
            ...mustBeOneOf('AppNetworkAccessType', 'direct internet access', ['VpcOnly'], 'insecure', { value: 'VpcOnly', replaces: true, preferred: false }),
            defaultText: 'PublicInternetOnly',
            missingPhrase: 'gives its apps direct internet access outside your VPC',
            insecurePhrase: 'gives its apps direct internet access outside your VPC',
          },
        ]
      : [
          {
            // Disabled needs a subnet: without one CloudFormation rejects the change, so no fix is offered.
            ...mustBeOneOf('DirectInternetAccess', 'direct internet access', ['Disabled'], 'insecure', resource.properties?.byKey.has('SubnetId') ? { value: 'Disabled', replaces: true, preferred: false } : undefined),
            defaultText: 'Enabled',
            missingPhrase: 'has direct internet access outside your VPC',
            insecurePhrase: 'has direct internet access outside your VPC',
          },
        ],
);
