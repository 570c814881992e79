/** Relational databases and their network, secrets. */
import { raw, type Value } from '../emit';
import { getAtt, POLICY_VERSION, ref, SNAPSHOT, type SnippetSource, sub, THIS_ACCOUNT } from '../define';


function monitoringRole(): Value {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: POLICY_VERSION,
        Statement: [{ Effect: 'Allow', Principal: { Service: 'monitoring.rds.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': THIS_ACCOUNT } } }],
      },
      ManagedPolicyArns: [sub('arn:\\${AWS::Partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole')],
    },
  };
}

export const databases: SnippetSource[] = [
  {
    prefix: 'pillar-db-network',
    name: 'DB subnet group and database security group',
    description:
      'A DB subnet group over the private subnets and a security group that admits PostgreSQL only from the application\'s security group, with no outbound traffic: the database is never reachable from the internet. Expects PrivateSubnetA/B, Vpc (pillar-vpc) and AppSecurityGroup (pillar-security-group).',
    context: 'resources',
    assumes: { Vpc: 'pillar-vpc', PrivateSubnetA: 'pillar-vpc', PrivateSubnetB: 'pillar-vpc', AppSecurityGroup: 'pillar-security-group' },
    body: {
      '${1:DbSubnetGroup}': {
        Type: 'AWS::RDS::DBSubnetGroup',
        Properties: { DBSubnetGroupDescription: 'Private subnets only', SubnetIds: [ref('${2:PrivateSubnetA}'), ref('${3:PrivateSubnetB}')] },
      },
      '${4:DatabaseSecurityGroup}': {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: {
          GroupDescription: 'Database clients only',
          VpcId: ref('${5:Vpc}'),
          SecurityGroupIngress: [
            { Description: 'PostgreSQL from the application', IpProtocol: 'tcp', FromPort: raw('${6:5432}'), ToPort: raw('$6'), SourceSecurityGroupId: getAtt('${7:AppSecurityGroup}', 'GroupId') },
          ],
          SecurityGroupEgress: [{ Description: 'No outbound traffic', IpProtocol: '-1', CidrIp: '127.0.0.1/32' }],
        },
      },
    },
  },
  {
    prefix: 'pillar-rds-instance',
    name: 'RDS PostgreSQL instance: private, encrypted, managed password, backups',
    description:
      'A Multi-AZ RDS for PostgreSQL instance that is not publicly accessible, encrypts storage and Performance Insights with a customer managed KMS key, keeps its master password in Secrets Manager (ManageMasterUserPassword, encrypted with the same key, rotated by RDS), forces TLS (rds.force_ssl), keeps backups for a chosen period, has deletion protection and a final snapshot, IAM database authentication, log exports to CloudWatch Logs and Enhanced Monitoring. Expects KmsKey (pillar-kms-key), DbSubnetGroup and DatabaseSecurityGroup (pillar-db-network).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', DbSubnetGroup: 'pillar-db-network', DatabaseSecurityGroup: 'pillar-db-network' },
    body: {
      '${1:Database}': {
        Type: 'AWS::RDS::DBInstance',
        ...SNAPSHOT,
        Properties: {
          Engine: 'postgres',
          EngineVersion: '${2:16}',
          DBInstanceClass: '${3|db.t4g.medium,db.m7g.large,db.r7g.large|}',
          AllocatedStorage: raw('${4:50}'),
          StorageType: 'gp3',
          MultiAZ: true,
          MasterUsername: '${5:dbadmin}',
          ManageMasterUserPassword: true,
          MasterUserSecret: { KmsKeyId: ref('${6:KmsKey}') },
          StorageEncrypted: true,
          KmsKeyId: ref('$6'),
          PubliclyAccessible: false,
          DBSubnetGroupName: ref('${7:DbSubnetGroup}'),
          VPCSecurityGroups: [getAtt('${8:DatabaseSecurityGroup}', 'GroupId')],
          DBParameterGroupName: ref('${9:DatabaseParameterGroup}'),
          BackupRetentionPeriod: raw('${10|14,7,35|}'),
          DeletionProtection: true,
          CopyTagsToSnapshot: true,
          AutoMinorVersionUpgrade: true,
          EnableIAMDatabaseAuthentication: true,
          EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
          MonitoringInterval: 60,
          MonitoringRoleArn: getAtt('${11:DatabaseMonitoringRole}', 'Arn'),
          EnablePerformanceInsights: true,
          PerformanceInsightsKMSKeyId: ref('$6'),
          PerformanceInsightsRetentionPeriod: 7,
        },
      },
      '$9': {
        Type: 'AWS::RDS::DBParameterGroup',
        Properties: { Description: 'Require TLS', Family: 'postgres$2', Parameters: { 'rds.force_ssl': '1' } },
      },
      '$11': monitoringRole(),
    },
  },
  {
    prefix: 'pillar-aurora-cluster',
    name: 'Aurora PostgreSQL cluster: private, encrypted, managed password, backups',
    description:
      'An Aurora PostgreSQL cluster with two instances that are not publicly accessible; storage and Performance Insights encrypted with a customer managed KMS key; the master password kept in Secrets Manager by RDS (ManageMasterUserPassword); TLS forced (rds.force_ssl); backups kept for a chosen period; deletion protection and a final snapshot; IAM database authentication, PostgreSQL logs in CloudWatch Logs and Enhanced Monitoring. Expects KmsKey (pillar-kms-key), DbSubnetGroup and DatabaseSecurityGroup (pillar-db-network).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', DbSubnetGroup: 'pillar-db-network', DatabaseSecurityGroup: 'pillar-db-network' },
    body: {
      '${1:DatabaseCluster}': {
        Type: 'AWS::RDS::DBCluster',
        ...SNAPSHOT,
        Properties: {
          Engine: 'aurora-postgresql',
          EngineVersion: '${2:16.6}',
          MasterUsername: '${3:dbadmin}',
          ManageMasterUserPassword: true,
          MasterUserSecret: { KmsKeyId: ref('${4:KmsKey}') },
          StorageEncrypted: true,
          KmsKeyId: ref('$4'),
          DBSubnetGroupName: ref('${5:DbSubnetGroup}'),
          VpcSecurityGroupIds: [getAtt('${6:DatabaseSecurityGroup}', 'GroupId')],
          DBClusterParameterGroupName: ref('${7:DatabaseClusterParameterGroup}'),
          BackupRetentionPeriod: raw('${8|14,7,35|}'),
          DeletionProtection: true,
          CopyTagsToSnapshot: true,
          EnableIAMDatabaseAuthentication: true,
          EnableCloudwatchLogsExports: ['postgresql'],
        },
      },
      '$7': {
        Type: 'AWS::RDS::DBClusterParameterGroup',
        Properties: { Description: 'Require TLS', Family: 'aurora-postgresql16', Parameters: { 'rds.force_ssl': '1' } },
      },
      '${9:DatabaseInstanceA}': clusterInstance('${12|db.r7g.large,db.t4g.medium|}'),
      '${10:DatabaseInstanceB}': clusterInstance('$12'),
      '${11:DatabaseMonitoringRole}': monitoringRole(),
    },
  },
  {
    prefix: 'pillar-secret',
    name: 'Secrets Manager secret: generated, KMS-encrypted, rotated',
    description:
      'A Secrets Manager secret whose password is generated by AWS (never written in the template), encrypted with a customer managed KMS key, and rotated on a schedule you choose by your rotation function. Expects KmsKey (pillar-kms-key) and RotationFunctionArn (the ARN of a rotation Lambda function, e.g. from the Secrets Manager rotation templates).',
    context: 'resources',
    assumes: { KmsKey: 'pillar-kms-key', RotationFunctionArn: 'String' },
    body: {
      '${1:Secret}': {
        Type: 'AWS::SecretsManager::Secret',
        Properties: {
          Description: '${2:Credentials of the reporting service}',
          KmsKeyId: ref('${3:KmsKey}'),
          GenerateSecretString: { SecretStringTemplate: '{"username": "${4:app}"}', GenerateStringKey: 'password', PasswordLength: 32, ExcludeCharacters: '"@/\\\\' },
        },
      },
      '${5:SecretRotation}': {
        Type: 'AWS::SecretsManager::RotationSchedule',
        Properties: {
          SecretId: ref('$1'),
          RotationLambdaARN: ref('${6:RotationFunctionArn}'),
          RotationRules: { ScheduleExpression: 'rate(${7|30,7,90|} days)' },
          RotateImmediatelyOnUpdate: true,
        },
      },
    },
  },
];

/** An instance of the cluster (`$1`), monitored by `$11`, its Performance Insights encrypted with `$4`. */
function clusterInstance(instanceClass: string): Value {
  return {
    Type: 'AWS::RDS::DBInstance',
    Properties: {
      Engine: 'aurora-postgresql',
      DBClusterIdentifier: ref('$1'),
      DBInstanceClass: instanceClass,
      PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true,
      MonitoringInterval: 60,
      MonitoringRoleArn: getAtt('$11', 'Arn'),
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: ref('$4'),
      PerformanceInsightsRetentionPeriod: 7,
    },
  };
}
