import type { Rule } from '../../server/src/engine/rule';
import { checkProperty, mustBeTrue } from '../lib/properties';

/** Where each type keeps its deletion protection flag. */
const FLAGS: Readonly<Record<string, string>> = {
  'AWS::RDS::DBInstance': 'DeletionProtection',
  'AWS::RDS::DBCluster': 'DeletionProtection',
  'AWS::DocDB::DBCluster': 'DeletionProtection',
  'AWS::Neptune::DBCluster': 'DeletionProtection',
  'AWS::DynamoDB::Table': 'DeletionProtectionEnabled',
  'AWS::DynamoDB::GlobalTable': 'Replicas[*].DeletionProtectionEnabled',
};

const rule: Rule = {
  meta: {
    id: 'database-deletion-protection-enabled',
    area: 'data-protection',
    bestPractice: ['SEC08-BP04'],
    severity: 'warning',
    title: 'Databases and tables should have deletion protection',
    rationale:
      'One API call, a mistaken stack deletion or a replacing update deletes a database with all its data, and whoever holds a stolen credential can do the same on purpose. Deletion protection makes deletion a deliberate two-step act: the flag must be turned off first, which is a change that can be reviewed, alarmed on and denied by policy.',
    remediation:
      'Set `DeletionProtection: true` (`DeletionProtectionEnabled` for DynamoDB tables and each replica of a global table). Deleting the stack or resource then fails until the flag is turned off, which is the point; combine it with a `DeletionPolicy` of `Snapshot` or `Retain`.',
    docs: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
    ],
    resourceTypes: Object.keys(FLAGS),
    equivalents: {
      checkov: [],
      cfnNag: ['F80'],
      cfnLint: [],
      kics: ['2c161e58-cb52-454f-abea-6470c37b5e6e'],
      securityHub: ['RDS.7', 'RDS.8', 'DocumentDB.5', 'Neptune.4', 'DynamoDB.6'],
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
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
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
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      DeletionProtectionEnabled: true
`,
    },
  },
  resource(resource, context) {
    // Aurora instances are protected through their cluster; a read replica holds no data of its own.
    if (resource.type === 'AWS::RDS::DBInstance' && ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'].some((key) => resource.properties?.byKey.has(key))) return;
    checkProperty(resource, context, { ...mustBeTrue(FLAGS[resource.type], 'deletion protection'), missingPhrase: 'can be deleted in one step', insecurePhrase: 'can be deleted in one step' });
  },
};

export default rule;
