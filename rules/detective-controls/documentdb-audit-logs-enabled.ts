import { logListRule } from '../lib/logs';

export default logListRule(
  {
    id: 'documentdb-audit-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'DocumentDB clusters should publish audit logs to CloudWatch Logs',
    rationale:
      'DocumentDB audit logs record authentication attempts, user and role changes and schema changes (and, when asked, reads and writes): who did what to the data. The cluster writes them only when its parameter group turns `audit_logs` on, and keeps them only when they are exported to CloudWatch Logs, where they can be searched, alarmed on and kept for an investigation.',
    remediation:
      'Add `audit` to `EnableCloudwatchLogsExports` and name a cluster parameter group (`AWS::DocDB::DBClusterParameterGroup`) whose `audit_logs` parameter is `enabled` (or `ddl`, `dml_read`, `dml_write`, `all`) in `DBClusterParameterGroupName`: the default group leaves it `disabled`. `profiler` logs slow operations and may be exported too.',
    docs: [
      'https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbcluster.html#cfn-docdb-dbcluster-enablecloudwatchlogsexports',
    ],
    resourceTypes: ['AWS::DocDB::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_85', 'CKV_AWS_104'],
      cfnNag: [],
      cfnLint: [],
      kics: ['1bf3b3d4-f373-4d7c-afbb-7d85948a67a5'],
      securityHub: ['DocumentDB.4'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Documents:
    Type: AWS::DocDB::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      MasterUsername: app
      MasterUserPassword: "{{resolve:secretsmanager:documents-master:SecretString:password}}"
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableCloudwatchLogsExports: [profiler]
`,
      secure: `Resources:
  AuditParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: Audit every authentication and change
      Family: docdb5.0
      Parameters:
        audit_logs: enabled
  Documents:
    Type: AWS::DocDB::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      MasterUsername: app
      MasterUserPassword: "{{resolve:secretsmanager:documents-master:SecretString:password}}"
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      DBClusterParameterGroupName: !Ref AuditParameters
      EnableCloudwatchLogsExports: [audit, profiler]
`,
    },
  },
  {
    path: 'EnableCloudwatchLogsExports',
    required: ['audit'],
    phrase: 'does not publish audit logs to CloudWatch Logs',
    engineSetting: {
      property: 'DBClusterParameterGroupName',
      groupType: 'AWS::DocDB::DBClusterParameterGroup',
      parameter: 'audit_logs',
      on: (value) => !['disabled', 'none'].includes(value.toLowerCase()),
      defaultValue: 'disabled',
      phrase: 'exports audit logs that it never writes',
    },
  },
);
