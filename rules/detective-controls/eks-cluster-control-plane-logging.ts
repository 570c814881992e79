import { logListRule } from '../lib/logs';

export default logListRule(
  {
    id: 'eks-cluster-control-plane-logging',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'EKS clusters should publish their API, audit and authenticator logs',
    rationale:
      'The Kubernetes API server is the control point of a cluster: every pod started, secret read, role bound or exec into a container goes through it. Its audit log says who did each of those, the authenticator log maps the Kubernetes user back to the IAM principal behind it, and the API log records the requests themselves. EKS writes none of them unless asked; without them, a stolen kubeconfig or an over-privileged service account leaves no record to investigate, and GuardDuty\'s EKS protection has less to work with.',
    remediation:
      'List `api`, `audit` and `authenticator` (and, for troubleshooting, `controllerManager` and `scheduler`) in `Logging.ClusterLogging.EnabledTypes`. EKS publishes them to the log group `/aws/eks/<cluster>/cluster`; create that group in the template with a retention period, or set one afterwards.',
    docs: [
      'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-logging.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-8',
    ],
    resourceTypes: ['AWS::EKS::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_37'],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['EKS.8'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }]
`,
      secure: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }]
`,
    },
  },
  {
    path: 'Logging.ClusterLogging.EnabledTypes',
    itemKey: 'Type',
    required: ['api', 'audit', 'authenticator'],
    phrase: 'does not publish its control plane logs',
  },
);
