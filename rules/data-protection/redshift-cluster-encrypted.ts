import { encryptionAtRestRule } from '../lib/encryption';

export default encryptionAtRestRule(
  {
    id: 'redshift-cluster-encrypted',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'Redshift clusters must not turn off encryption at rest',
    rationale:
      'A data warehouse gathers the history of many systems in one place, customer and financial data included. Encryption at rest keeps its blocks, system metadata and snapshots unreadable without the key, so a shared or copied snapshot exposes nothing. Redshift encrypts clusters created since January 2025 by default, so only `Encrypted: false` is reported; a cluster created earlier from a template without `Encrypted` may still be unencrypted.',
    remediation:
      'Set `Encrypted: true` (and `KmsKeyId` for a customer managed key), or remove `Encrypted: false`. For an existing cluster the change is made in place: Redshift migrates the data to a new encrypted cluster behind the same endpoint, keeping it read-only during the migration, which can take hours for a large cluster. For a cluster created before 2025, write `Encrypted: true` explicitly.',
    docs: [
      'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
      'https://docs.aws.amazon.com/redshift/latest/mgmt/changing-cluster-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html#cfn-redshift-cluster-encrypted',
    ],
    equivalents: {
      checkov: ['CKV_AWS_64'],
      cfnNag: ['F28'],
      cfnLint: [],
      kics: ['3b316b05-564c-44a7-9c3f-405bb95e211e'],
      securityHub: ['Redshift.10'],
      cis: [],
    },
    examples: {
      insecure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: sales
      MasterUsername: admin
      ManageMasterPassword: true
      Encrypted: false
      PubliclyAccessible: false
      LoggingProperties:
        LogDestinationType: cloudwatch
        LogExports: [connectionlog, userlog, useractivitylog]
`,
      secure: `Resources:
  Warehouse:
    Type: AWS::Redshift::Cluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      ClusterType: single-node
      NodeType: ra3.xlplus
      DBName: sales
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
  // Encrypted by default since January 2025 (`Encrypted: false` fails for a new cluster); turning it on migrates the cluster in place.
  { 'AWS::Redshift::Cluster': { flag: 'Encrypted', absent: 'secure' } },
);
