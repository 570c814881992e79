import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'dax-cluster-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'warning',
    title: 'DAX clusters should encrypt their data at rest',
    rationale:
      'A DAX cluster keeps copies of DynamoDB items in its cache, and on its nodes\' disks, along with its configuration and logs. The table itself is always encrypted, but the cache is not unless the cluster is created with server-side encryption, which would leave the most-read part of the data as the only copy stored in clear.',
    remediation:
      'Set `SSESpecification: { SSEEnabled: true }`. Encryption at rest can only be chosen when a cluster is created: CloudFormation replaces the cluster, and the new one starts with an empty cache that fills again from the table. Set `ClusterEndpointEncryptionType: TLS` as well to encrypt traffic to the cluster.',
    docs: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dax-cluster.html#cfn-dax-cluster-ssespecification',
    ],
    equivalents: {
      checkov: ['CKV_AWS_47'],
      cfnNag: ['W83'],
      cfnLint: [],
      kics: ['e5849a68-bdbe-4b70-97c6-6901f39f8094'],
      securityHub: ['DynamoDB.3'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  Cache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.t3.small
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::123456789012:role/dax-access
      ClusterEndpointEncryptionType: TLS
`,
      secure: `Resources:
  Cache:
    Type: AWS::DAX::Cluster
    Properties:
      NodeType: dax.t3.small
      ReplicationFactor: 3
      IAMRoleARN: arn:aws:iam::123456789012:role/dax-access
      ClusterEndpointEncryptionType: TLS
      SSESpecification:
        SSEEnabled: true
`,
    },
  },
  { 'AWS::DAX::Cluster': { flag: 'SSESpecification.SSEEnabled', replaces: true } },
);
