import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'dynamodb-table-point-in-time-recovery-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04'],
    severity: 'warning',
    title: 'DynamoDB tables should have point-in-time recovery',
    rationale:
      'A faulty deployment, a bad script or an attacker can overwrite or delete items in seconds, and DynamoDB keeps no earlier copy unless asked to. Point-in-time recovery keeps continuous backups, so the table can be restored to any second of the recovery period from before the damage.',
    remediation:
      'Set `PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }` (on each replica of a global table); `RecoveryPeriodInDays` sets how far back restores can go (35 days by default). Turning it on takes effect without interruption; it is billed by table size.',
    docs: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-pointintimerecoveryspecification.html',
    ],
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
    equivalents: {
      checkov: ['CKV_AWS_28', 'CKV_AWS_165'],
      cfnNag: ['W78'],
      cfnLint: [],
      kics: ['0f04217d-488f-4e7a-bec8-f16159686cd6'],
      securityHub: ['DynamoDB.2'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      DeletionProtectionEnabled: true
`,
      secure: `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      DeletionProtectionEnabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
`,
    },
  },
  (resource) => [
    {
      ...mustBeTrue(`${resource.type === 'AWS::DynamoDB::GlobalTable' ? 'Replicas[*].' : ''}PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`, 'point-in-time recovery'),
      missingPhrase: 'keeps no continuous backups',
      insecurePhrase: 'keeps no continuous backups',
    },
  ],
);
