import { publicEndpointRule, publiclyAccessibleFlag } from '../lib/public-access';

export default publicEndpointRule(
  {
    id: 'redshift-cluster-not-publicly-accessible',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'error',
    title: 'Redshift clusters must not be publicly accessible',
    rationale:
      'A data warehouse gathers the data of many systems in one place. A publicly accessible cluster has a public IP address on its endpoint, so that the database port faces the internet wherever a security group or network ACL lets it through, and every leaked or guessed database password becomes a way in.',
    remediation:
      'Set `PubliclyAccessible: false` (the default for new clusters) and place the cluster in a subnet group of private subnets. Reach it from analytics tools in the VPC, through AWS PrivateLink (Redshift-managed VPC endpoints), or with the Redshift Data API, which needs no network path to the cluster.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html#cfn-redshift-cluster-publiclyaccessible',
      'https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html',
    ],
    resourceTypes: ['AWS::Redshift::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_87'],
      cfnNag: [],
      cfnLint: [],
      kics: ['bdf8dcb4-75df-4370-92c4-606e4ae6c4d3'],
      securityHub: ['Redshift.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
      PubliclyAccessible: true
`,
      secure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: analytics
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: true
      PubliclyAccessible: false
      LoggingProperties:
        LogDestinationType: cloudwatch
        LogExports: [connectionlog, userlog, useractivitylog]
`,
    },
  },
  { 'AWS::Redshift::Cluster': publiclyAccessibleFlag() },
);
