import type { Rule } from '../../server/src/engine/rule';
import { checkProperty, mustBeTrue } from '../lib/properties';
import { textOf } from '../lib/values';

/** Engines that accept IAM database authentication. */
const IAM_ENGINES = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/i;

const rule: Rule = {
  meta: {
    id: 'rds-iam-database-authentication-enabled',
    area: 'identity-and-access-management',
    bestPractice: ['SEC02-BP02', 'SEC02-BP04'],
    severity: 'info',
    title: 'RDS and Aurora databases can let applications sign in with IAM',
    rationale:
      'Database passwords are long-term secrets that applications must store, pass around and rotate. With IAM database authentication, an application signs in with a token generated from its role\'s temporary credentials, valid for 15 minutes, and access is granted and revoked in IAM like any other permission.',
    remediation:
      'Set `EnableIAMDatabaseAuthentication: true` (on the DB cluster for Aurora), create the database users with the IAM authentication plugin or role, and grant `rds-db:connect` to the application\'s role. Password sign-in keeps working, so it can be turned on before the applications move. Mind the connection rate limits for very busy workloads.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html',
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html',
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    equivalents: { checkov: ['CKV_AWS_161', 'CKV_AWS_162'], cfnNag: [], cfnLint: [], kics: ['9fcd0a0a-9b6f-4670-a215-d94e6bf3f184'], securityHub: ['RDS.10', 'RDS.12'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Database:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app
      ManageMasterUserPassword: true
`,
      secure: `Resources:
  Database:
    Type: AWS::RDS::DBCluster
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: aurora-postgresql
      MasterUsername: app
      ManageMasterUserPassword: true
      StorageEncrypted: true
      BackupRetentionPeriod: 7
      DeletionProtection: true
      EnableIAMDatabaseAuthentication: true
      EnableCloudwatchLogsExports: [postgresql]
`,
    },
  },
  resource(resource, context) {
    const properties = resource.properties;
    // Aurora instances take the setting from their cluster; other engines (Oracle, SQL Server, Db2) and Aurora Serverless v1 have no IAM authentication.
    if (!properties || properties.byKey.has('DBClusterIdentifier')) return;
    const engine = textOf(properties.byKey.get('Engine')?.value, context.evaluator);
    if (engine === undefined || !IAM_ENGINES.test(engine)) return;
    if (textOf(properties.byKey.get('EngineMode')?.value, context.evaluator)?.toLowerCase() === 'serverless') return;
    checkProperty(resource, context, { ...mustBeTrue('EnableIAMDatabaseAuthentication', 'IAM database authentication'), missingPhrase: 'does not let applications sign in with IAM' });
  },
};

export default rule;
