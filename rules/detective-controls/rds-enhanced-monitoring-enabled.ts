import type { Rule } from '../../server/src/engine/rule';
import { checkProperty } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'rds-enhanced-monitoring-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'info',
    title: 'RDS instances should have enhanced monitoring',
    rationale:
      'Enhanced monitoring reports what runs on the database host, process by process, every few seconds. An unexplained process, a burst of CPU or network at night or a host filling up is often the first sign of abuse or of an exfiltration in progress, and the standard CloudWatch metrics, sampled once a minute at the hypervisor, do not show it.',
    remediation:
      'Set `MonitoringInterval` to 1, 5, 10, 15, 30 or 60 seconds and `MonitoringRoleArn` to a role that RDS (`monitoring.rds.amazonaws.com`) can assume, with the `AmazonRDSEnhancedMonitoringRole` managed policy. The metrics go to the `RDSOSMetrics` log group, which can be alarmed on.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html#cfn-rds-dbinstance-monitoringinterval',
    ],
    resourceTypes: ['AWS::RDS::DBInstance'],
    equivalents: { checkov: ['CKV_AWS_118'], cfnNag: [], cfnLint: [], kics: [], securityHub: ['RDS.6'], cis: [] },
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
      EnableCloudwatchLogsExports: [postgresql, upgrade]
`,
      secure: `Resources:
  MonitoringRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { Service: monitoring.rds.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole
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
      MonitoringInterval: 60
      MonitoringRoleArn: !GetAtt MonitoringRole.Arn
`,
    },
  },
  resource(resource, context) {
    // RDS needs a role to publish the metrics: with one named, turning monitoring on is safe; without, the user creates it.
    const hasRole = resource.properties?.byKey.has('MonitoringRoleArn') === true;
    checkProperty(resource, context, {
      path: 'MonitoringInterval',
      what: 'enhanced monitoring',
      secure: (value) => value.kind !== 'known' || Number(value.value) > 0 || Number.isNaN(Number(value.value)),
      whenMissing: 'insecure',
      defaultText: '0',
      fix: hasRole ? { value: 60 } : undefined,
    });
  },
};

export default rule;
