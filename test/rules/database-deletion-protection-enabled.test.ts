import rule from '../../rules/data-protection/database-deletion-protection-enabled';
import { testRule } from '../helpers/rule-tester';

const table = (properties: string) => `Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n${properties}`;
const global = (replicas: string) => `Resources:\n  Orders:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas:\n${replicas}`;

testRule(rule, {
  valid: [
    { name: 'a protected table', code: table('      DeletionProtectionEnabled: true\n') },
    { name: 'a protected RDS cluster', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      DeletionProtection: true\n' },
    { name: 'an Aurora instance is protected through its cluster', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-mysql\n      DBClusterIdentifier: !Ref Cluster\n' },
    { name: 'a read replica', code: 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n' },
    { name: 'every replica of a global table protected', code: global('        - Region: eu-west-1\n          DeletionProtectionEnabled: true\n        - Region: us-east-1\n          DeletionProtectionEnabled: true\n') },
  ],
  invalid: [
    {
      name: 'a table without deletion protection',
      code: table(''),
      findings: [{ range: '4:5-4:15', message: 'Orders can be deleted in one step: DeletionProtectionEnabled is not set and defaults to false.' }],
      output: table('      DeletionProtectionEnabled: true\n'),
    },
    {
      name: 'a DocumentDB cluster with protection off',
      code: 'Resources:\n  Docs:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      DeletionProtection: false\n',
      findings: [{ range: '5:27-5:32', message: 'Docs can be deleted in one step: DeletionProtection is false.' }],
      output: 'Resources:\n  Docs:\n    Type: AWS::DocDB::DBCluster\n    Properties:\n      DeletionProtection: true\n',
    },
    {
      name: 'a replica of a global table without it',
      code: global('        - Region: eu-west-1\n          DeletionProtectionEnabled: true\n        - Region: us-east-1\n'),
      findings: [{ range: '8:11-8:17', message: 'Orders can be deleted in one step: Replicas[1].DeletionProtectionEnabled is not set and defaults to false.' }],
      output: global('        - Region: eu-west-1\n          DeletionProtectionEnabled: true\n        - Region: us-east-1\n          DeletionProtectionEnabled: true\n'),
    },
    {
      name: 'an RDS instance without Properties, JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance"\n    }\n  }\n}\n',
      findings: [{ range: '3:5-3:9' }],
      output: '{\n  "Resources": {\n    "Db": {\n      "Type": "AWS::RDS::DBInstance",\n      "Properties": {\n        "DeletionProtection": true\n      }\n    }\n  }\n}\n',
    },
  ],
});
