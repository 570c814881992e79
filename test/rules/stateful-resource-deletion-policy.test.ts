import rule from '../../rules/data-protection/stateful-resource-deletion-policy';
import { testRule } from '../helpers/rule-tester';

const resource = (type: string, attributes: string, head = '') => `${head}Resources:\n  Data:\n    Type: ${type}\n${attributes}    Properties:\n      Size: 10\n`;

testRule(rule, {
  valid: [
    { name: 'a volume snapshotted on deletion and on replacement', code: resource('AWS::EC2::Volume', '    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n') },
    { name: 'a bucket kept', code: resource('AWS::S3::Bucket', '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n') },
    { name: 'an RDS instance snapshots on deletion by default', code: resource('AWS::RDS::DBInstance', '    UpdateReplacePolicy: Snapshot\n') },
    { name: 'an Aurora instance holds no data of its own', code: 'Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBClusterIdentifier: !Ref Cluster\n' },
    { name: 'kept when created (RetainExceptOnCreate)', code: resource('AWS::DynamoDB::Table', '    DeletionPolicy: RetainExceptOnCreate\n    UpdateReplacePolicy: Retain\n') },
    { name: 'a read replica', code: 'Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n' },
    { name: 'a stateless resource', code: resource('AWS::SNS::Topic', '') },
    { name: 'a policy from a parameter that keeps (language extensions)', code: resource('AWS::EFS::FileSystem', '    DeletionPolicy: !Ref Keep\n    UpdateReplacePolicy: Retain\n', 'Transform: AWS::LanguageExtensions\nParameters:\n  Keep:\n    Type: String\n    Default: Retain\n') },
  ],
  invalid: [
    {
      name: 'a volume with neither policy: snapshots',
      code: resource('AWS::EC2::Volume', ''),
      findings: [{ range: '2:3-2:7', message: 'Data is deleted with its data when the stack is deleted or the resource removed and when an update replaces it: DeletionPolicy is not set, UpdateReplacePolicy is not set.' }],
      output: 'Resources:\n  Data:\n    Type: AWS::EC2::Volume\n    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      Size: 10\n',
    },
    {
      name: 'a table deleted explicitly: kept',
      code: resource('AWS::DynamoDB::Table', '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Retain\n'),
      findings: [{ range: '4:21-4:27', message: 'Data is deleted with its data when the stack is deleted or the resource removed: DeletionPolicy is "Delete".' }],
      output: resource('AWS::DynamoDB::Table', '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n'),
    },
    {
      name: 'an RDS cluster replaced without a snapshot',
      code: resource('AWS::RDS::DBCluster', ''),
      findings: [{ range: '2:3-2:7', message: 'Data is deleted with its data when an update replaces it: UpdateReplacePolicy is not set.' }],
      output: 'Resources:\n  Data:\n    Type: AWS::RDS::DBCluster\n    UpdateReplacePolicy: Snapshot\n    Properties:\n      Size: 10\n',
    },
    {
      name: 'deleted in one branch (language extensions): reported, no fix',
      code: resource('AWS::S3::Bucket', '    DeletionPolicy: !If [IsProd, Retain, Delete]\n    UpdateReplacePolicy: Retain\n', 'Transform: AWS::LanguageExtensions\n'),
      findings: [{ range: '5:21-5:49', message: 'Data is deleted with its data when the stack is deleted or the resource removed: DeletionPolicy is "Delete" (when condition IsProd is false).' }],
      output: null,
    },
    {
      name: 'a bucket without Properties, JSON',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Logs": {\n      "Type": "AWS::S3::Bucket"\n    }\n  }\n}\n',
      findings: [{ range: '3:5-3:11' }],
      output: '{\n  "Resources": {\n    "Logs": {\n      "Type": "AWS::S3::Bucket",\n      "DeletionPolicy": "Retain",\n      "UpdateReplacePolicy": "Retain"\n    }\n  }\n}\n',
    },
  ],
});
