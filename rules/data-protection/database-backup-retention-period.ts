import type { Rule } from '../../server/src/engine/rule';
import { checkProperty } from '../lib/properties';
import { asText } from '../lib/values';

/** The service default when BackupRetentionPeriod is not set, in days. */
const DEFAULT_DAYS = 1;

const rule: Rule = {
  meta: {
    id: 'database-backup-retention-period',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04'],
    severity: 'warning',
    title: 'Databases should keep automated backups long enough to recover',
    rationale:
      'Automated backups are what a database is restored from, to any second within the retention period, after data is corrupted, deleted or encrypted by an attacker. Such damage is often noticed days later: with the default single day of retention, or none, the clean copy is already gone.',
    remediation:
      'Set `BackupRetentionPeriod` to at least the minimum (7 days by default; up to 35). Changing it from 0 turns automated backups on, which causes a brief outage on an RDS DB instance. AWS Backup plans can keep copies longer, in another account or Region.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
      'https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore-understanding_backups.html',
      'https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-overview.html',
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_360', 'CKV_AWS_361'],
      cfnNag: ['W75'],
      cfnLint: [],
      kics: ['e649a218-d099-4550-86a4-1231e1fcb60d', '8c415f6f-7b90-4a27-a44a-51047e1506f9'],
      securityHub: ['RDS.11', 'DocumentDB.2', 'Neptune.5'],
      cis: [],
    },
    fixable: true,
    options: { minimumDays: { type: 'number', default: 7, description: 'The shortest backup retention, in days, that is not reported (1 to 35).' } },
    examples: {
      insecure: `Resources:
  Graph:
    Type: AWS::Neptune::DBCluster
    Properties:
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 1
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
    UpdateReplacePolicy: Snapshot
    DeletionPolicy: Snapshot
    Properties:
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      DBClusterParameterGroupName: !Ref AuditParameters
      EnableCloudwatchLogsExports: [audit]
`,
    },
  },
  resource(resource, context) {
    const properties = resource.properties;
    // Aurora instances back up with their cluster; read replicas are not restored from.
    if (properties?.byKey.has('DBClusterIdentifier') || properties?.byKey.has('SourceDBInstanceIdentifier')) return;
    const minimum = Number(context.options.minimumDays);
    const current = properties?.byKey.get('BackupRetentionPeriod')?.value;
    // Turning automated backups on (from 0) takes an RDS instance offline briefly: the user chooses when.
    const fromZero = current !== undefined && context.evaluator.candidates(current).some((candidate) => Number(asText(candidate.value)) === 0);
    checkProperty(resource, context, {
      path: 'BackupRetentionPeriod',
      what: `backups kept for ${minimum} days`,
      secure: (value) => value.kind !== 'known' || !(Number(value.value) < minimum),
      whenMissing: DEFAULT_DAYS < minimum ? 'insecure' : 'secure',
      defaultText: `${DEFAULT_DAYS} day`,
      fix: { value: minimum, preferred: !fromZero },
      missingPhrase: `keeps automated backups for less than ${minimum} days`,
      insecurePhrase: `keeps automated backups for less than ${minimum} days`,
    });
  },
};

export default rule;
