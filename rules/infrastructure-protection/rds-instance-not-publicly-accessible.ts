import { publicEndpointRule, publiclyAccessibleFlag } from '../lib/public-access';

export default publicEndpointRule(
  {
    id: 'rds-instance-not-publicly-accessible',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'error',
    title: 'RDS DB instances must not be publicly accessible',
    rationale:
      'A database belongs in a private network layer, reached only by the application tier. With `PubliclyAccessible: true` the instance gets a DNS name that resolves to a public IP address, so a single security group rule, or a subnet with a route to an internet gateway, is all that stands between the database port and scanners, password guessing and exploits of the engine.',
    remediation:
      'Set `PubliclyAccessible: false` and place the instance in a DB subnet group of private subnets. Applications in the VPC keep connecting as before; people who need to reach the database from outside use a bastion, AWS Systems Manager port forwarding, a VPN or AWS Client VPN. The change takes effect without replacing the instance.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-publiclyaccessible',
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
    ],
    resourceTypes: ['AWS::RDS::DBInstance'],
    equivalents: {
      checkov: ['CKV_AWS_17'],
      cfnNag: ['F22'],
      cfnLint: [],
      kics: ['de38e1d5-54cb-4111-a868-6f7722695007'],
      securityHub: ['RDS.2'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "50"
      PubliclyAccessible: true
`,
      secure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.medium
      AllocatedStorage: "50"
      MasterUsername: app
      ManageMasterUserPassword: true
      PubliclyAccessible: false
      StorageEncrypted: true
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableCloudwatchLogsExports: [postgresql, upgrade]
`,
    },
  },
  { 'AWS::RDS::DBInstance': publiclyAccessibleFlag() },
);
