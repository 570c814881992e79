import type { Rule } from '../../server/src/engine/rule';
import { checkEncryptionBlock } from '../lib/encryption';
import { mustBeTrue } from '../lib/properties';

/** The table types (SAM's SimpleTable included) take the same top-level block; `SSEEnabled: true` means KMS, with aws/dynamodb unless a key is named. */
const PHRASE = 'encrypts with an AWS owned key, not a KMS key of the account';

const rule: Rule = {
  meta: {
    id: 'dynamodb-table-kms-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01', 'SEC08-BP02'],
    severity: 'info',
    title: 'DynamoDB tables should encrypt with a KMS key of the account',
    rationale:
      'DynamoDB always encrypts tables at rest, by default with a key AWS owns and uses across accounts: the account cannot see when that key is used, nor control who may use it. With a KMS key in the account, every use of the key is logged in CloudTrail and a key policy decides who can decrypt, which is what secure key management asks for a table of sensitive data. The data is encrypted either way, so this is advice rather than a defect.',
    remediation:
      'Add `SSESpecification` with `SSEEnabled: true` and `SSEType: KMS`: the table then uses the AWS managed key `aws/dynamodb`, or a customer managed key named in `KMSMasterKeyId` (for a global table, in each replica\'s `SSESpecification`), whose policy you control. The change is made in place, without interrupting the table; KMS requests are charged.',
    docs: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html',
    ],
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Serverless::SimpleTable'],
    equivalents: {
      checkov: [],
      cfnNag: ['W74'],
      cfnLint: [],
      kics: ['4bd21e68-38c1-4d58-acdc-6a14b203237f'],
      securityHub: [],
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
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
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
      SSESpecification:
        SSEEnabled: true
        SSEType: KMS
`,
    },
  },
  resource(resource, context) {
    checkEncryptionBlock(
      resource,
      context,
      { path: 'SSESpecification', value: { SSEEnabled: true, SSEType: 'KMS' }, title: 'Encrypt with KMS (the AWS managed key aws/dynamodb)', missingPhrase: PHRASE },
      { ...mustBeTrue('SSESpecification.SSEEnabled', 'KMS encryption'), missingPhrase: PHRASE, insecurePhrase: PHRASE },
    );
  },
};

export default rule;
