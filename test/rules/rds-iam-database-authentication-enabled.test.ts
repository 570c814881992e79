import rule from '../../rules/identity-and-access-management/rds-iam-database-authentication-enabled';
import { testRule } from '../helpers/rule-tester';

const db = (type: string, properties: string) => `Resources:\n  Db:\n    Type: AWS::RDS::${type}\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'IAM authentication on', code: db('DBInstance', '      Engine: mysql\n      EnableIAMDatabaseAuthentication: true\n') },
    { name: 'an engine without IAM authentication', code: db('DBInstance', '      Engine: sqlserver-se\n') },
    { name: 'an Aurora instance takes it from its cluster', code: db('DBInstance', '      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n') },
    { name: 'Aurora Serverless v1', code: db('DBCluster', '      Engine: aurora-mysql\n      EngineMode: serverless\n') },
    { name: 'an engine only known at deploy time', code: db('DBInstance', '      Engine: !ImportValue engine\n') },
  ],
  invalid: [
    {
      name: 'a PostgreSQL instance',
      code: db('DBInstance', '      Engine: postgres\n'),
      findings: [{ range: '4:5-4:15', message: 'Db does not let applications sign in with IAM: EnableIAMDatabaseAuthentication is not set and defaults to false.' }],
      output: db('DBInstance', '      Engine: postgres\n      EnableIAMDatabaseAuthentication: true\n'),
    },
    {
      name: 'an Aurora cluster that turns it off from a parameter',
      code: `Parameters:\n  IamAuth:\n    Type: String\n    Default: "false"\n${db('DBCluster', '      Engine: aurora-postgresql\n      EnableIAMDatabaseAuthentication: !Ref IamAuth\n')}`,
      findings: [{ range: '10:40-10:52', message: 'Db turns off IAM database authentication: EnableIAMDatabaseAuthentication is false (from the default of parameter IamAuth).' }],
      output: `Parameters:\n  IamAuth:\n    Type: String\n    Default: "true"\n${db('DBCluster', '      Engine: aurora-postgresql\n      EnableIAMDatabaseAuthentication: !Ref IamAuth\n')}`,
    },
    {
      name: 'a MariaDB instance in JSON',
      file: 't.json',
      code: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mariadb", "EnableIAMDatabaseAuthentication": false}}}}',
      findings: [{ range: '1:126-1:131' }],
      output: '{"Resources": {"Db": {"Type": "AWS::RDS::DBInstance", "Properties": {"Engine": "mariadb", "EnableIAMDatabaseAuthentication": true}}}}',
    },
  ],
});
