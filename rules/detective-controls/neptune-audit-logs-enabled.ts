import { logListRule } from '../lib/logs';

export default logListRule(
  {
    id: 'neptune-audit-logs-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'Neptune clusters should publish audit logs to CloudWatch Logs',
    rationale:
      'Neptune audit logs record every connection and query with the client that sent it: the record of who read or changed the graph. The cluster writes them only when its parameter group turns `neptune_enable_audit_log` on, and they leave the cluster only when exported to CloudWatch Logs, where they can be searched, alarmed on and kept for an investigation.',
    remediation:
      'Add `audit` to `EnableCloudwatchLogsExports` and name a cluster parameter group (`AWS::Neptune::DBClusterParameterGroup`) with `neptune_enable_audit_log: 1` in `DBClusterParameterGroupName`: the default group leaves it at 0. A change to the parameter takes effect after the instances restart.',
    docs: [
      'https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html',
      'https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbcluster.html#cfn-neptune-dbcluster-enablecloudwatchlogsexports',
    ],
    resourceTypes: ['AWS::Neptune::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_101'],
      cfnNag: [],
      cfnLint: [],
      kics: ['63a847b2-3782-4dbb-b452-524bf038984b'],
      securityHub: ['Neptune.2'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Graph:
    Type: AWS::Neptune::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      IamAuthEnabled: true
`,
      secure: `Resources:
  AuditParameters:
    Type: AWS::Neptune::DBClusterParameterGroup
    Properties:
      Description: Audit every query
      Family: neptune1.3
      Parameters:
        neptune_enable_audit_log: 1
  Graph:
    Type: AWS::Neptune::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      IamAuthEnabled: true
      DBClusterParameterGroupName: !Ref AuditParameters
      EnableCloudwatchLogsExports: [audit]
`,
    },
  },
  {
    path: 'EnableCloudwatchLogsExports',
    required: ['audit'],
    phrase: 'does not publish audit logs to CloudWatch Logs',
    engineSetting: {
      property: 'DBClusterParameterGroupName',
      groupType: 'AWS::Neptune::DBClusterParameterGroup',
      parameter: 'neptune_enable_audit_log',
      on: (value) => value.trim() === '1' || value.toLowerCase() === 'true',
      defaultValue: '0',
      phrase: 'exports audit logs that it never writes',
    },
  },
);
