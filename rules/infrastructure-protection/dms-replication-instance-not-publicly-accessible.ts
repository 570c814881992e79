import { publicEndpointRule, publiclyAccessibleFlag } from '../lib/public-access';

export default publicEndpointRule(
  {
    id: 'dms-replication-instance-not-publicly-accessible',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01', 'SEC05-BP02'],
    severity: 'error',
    title: 'DMS replication instances must not be publicly accessible',
    rationale:
      'A replication instance holds credentials for both ends of a migration and streams whole databases through itself. DMS makes a replication instance publicly accessible unless told otherwise: it then has a public IP address, and the data, the endpoints it connects to and the instance itself sit one security group rule away from the internet.',
    remediation:
      'Set `PubliclyAccessible: false` explicitly (the service default is true) and place the instance in a replication subnet group of private subnets. Reach on-premises or other-cloud databases over AWS Direct Connect, a Site-to-Site VPN or VPC peering rather than across the internet. The property cannot be changed in place: CloudFormation replaces the replication instance, so plan it between migration tasks.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dms-replicationinstance.html#cfn-dms-replicationinstance-publiclyaccessible',
      'https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html',
    ],
    resourceTypes: ['AWS::DMS::ReplicationInstance'],
    equivalents: {
      checkov: ['CKV_AWS_89'],
      cfnNag: ['W91'],
      cfnLint: [],
      kics: ['5864fb39-d719-4182-80e2-89dbe627be63'],
      securityHub: ['DMS.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Replication:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private-subnets
`,
      secure: `Resources:
  Replication:
    Type: AWS::DMS::ReplicationInstance
    Properties:
      ReplicationInstanceClass: dms.t3.medium
      ReplicationSubnetGroupIdentifier: private-subnets
      PubliclyAccessible: false
`,
    },
  },
  { 'AWS::DMS::ReplicationInstance': publiclyAccessibleFlag({ publicByDefault: true, replaces: true }) },
);
