import { logListRule } from '../lib/logs';
import { textOf } from '../lib/values';

/**
 * The log types each engine family exports, as Security Hub's RDS.9 expects them; the fix writes
 * these. Engines absent here (RDS Custom, an engine from a parameter) get a finding without a fix.
 */
type Exports = readonly string[];
const EXPORTS: readonly (readonly [RegExp, Exports, Exports?])[] = [
  // [engine, for an instance, for a cluster when it differs]
  [/^(mysql|mariadb)$/, ['audit', 'error', 'general', 'slowquery'], ['error', 'general', 'slowquery']],
  [/^aurora(-mysql)?$/, ['audit', 'error', 'general', 'slowquery']],
  [/^postgres$/, ['postgresql', 'upgrade'], ['postgresql']],
  [/^aurora-postgresql$/, ['postgresql']],
  [/^oracle-/, ['alert', 'audit', 'listener', 'trace']],
  [/^sqlserver-ex$/, ['error']],
  [/^sqlserver-/, ['agent', 'error']],
  [/^db2-/, ['diag.log', 'notify.log']],
];

export function rdsLogExports(engine: string | undefined, cluster: boolean): readonly string[] | undefined {
  const lower = engine?.toLowerCase();
  if (lower === undefined) return undefined;
  const entry = EXPORTS.find(([pattern]) => pattern.test(lower));
  return entry && (cluster ? (entry[2] ?? entry[1]) : entry[1]);
}

export default logListRule(
  {
    id: 'rds-log-exports-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'RDS databases should publish their logs to CloudWatch Logs',
    rationale:
      'Database logs record who connected, which logins failed, which statements ran and which errors occurred: the evidence that shows a credential being guessed or data being pulled out. Kept only on the database host, they rotate away within days and cannot be searched, alarmed on or correlated with other logs; published to CloudWatch Logs, they can.',
    remediation:
      'List the engine\'s log types in `EnableCloudwatchLogsExports`: `audit`, `error`, `general` and `slowquery` for MySQL, MariaDB and Aurora MySQL; `postgresql` (and `upgrade`) for PostgreSQL; `alert`, `audit`, `listener` and `trace` for Oracle; `agent` and `error` for SQL Server. Some logs also need the engine to write them: the MariaDB audit plugin option, or `general_log`, `slow_query_log`, `server_audit_logging` or `log_statement` in the parameter group. Give the log groups a retention period.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-enablecloudwatchlogsexports',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/rds-controls.html#rds-9',
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    equivalents: {
      checkov: ['CKV_AWS_129', 'CKV_AWS_324'],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['RDS.9'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
`,
      secure: `Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
      DeletionProtection: true
      BackupRetentionPeriod: 7
      EnableIAMDatabaseAuthentication: true
      EnableCloudwatchLogsExports: [postgresql, upgrade]
`,
    },
  },
  (resource, context) => {
    const properties = resource.properties;
    // An Aurora instance's logs are exported by its cluster; Aurora Serverless v1 publishes through its parameter group.
    if (properties?.byKey.has('DBClusterIdentifier')) return undefined;
    if (textOf(properties?.byKey.get('EngineMode')?.value, context.evaluator)?.toLowerCase() === 'serverless') return undefined;
    const engine = textOf(properties?.byKey.get('Engine')?.value, context.evaluator);
    // RDS Custom does not export logs to CloudWatch Logs.
    if (engine?.toLowerCase().startsWith('custom-')) return undefined;
    return {
      path: 'EnableCloudwatchLogsExports',
      required: [],
      phrase: 'does not publish its database logs to CloudWatch Logs',
      suggested: rdsLogExports(engine, resource.type === 'AWS::RDS::DBCluster'),
    };
  },
);
