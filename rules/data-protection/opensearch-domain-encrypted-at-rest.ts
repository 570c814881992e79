import { SEARCH_DOMAIN_TYPES, searchDomainFix } from '../lib/opensearch';
import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'opensearch-domain-encrypted-at-rest',
    area: 'data-protection',
    bestPractice: ['SEC08-BP02'],
    severity: 'error',
    title: 'OpenSearch and Elasticsearch domains must encrypt their data at rest',
    rationale:
      'A search domain holds copies of the documents it indexes, often logs and records full of personal data. Without encryption at rest its indices, swap files, automated snapshots and logs sit on storage in the clear; with it, the data is unreadable without the KMS key, and every use of that key is logged.',
    remediation:
      'Set `EncryptionAtRestOptions.Enabled: true` (and `KmsKeyId` for a customer managed key). OpenSearch domains turn it on in place with a blue/green deployment; an `AWS::Elasticsearch::Domain` may be replaced, so migrate its data with a snapshot. Encryption at rest needs Elasticsearch 5.1 or later, or OpenSearch, and an instance type other than t2.',
    docs: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html#cfn-opensearchservice-domain-encryptionatrestoptions',
    ],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    equivalents: {
      checkov: ['CKV_AWS_5'],
      cfnNag: ['W54'],
      cfnLint: [],
      kics: ['86a248ab-0e01-4564-a82a-878303e253bb'],
      securityHub: ['Opensearch.1', 'ES.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.11
      EncryptionAtRestOptions:
        Enabled: false
`,
      secure: `Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  SearchSecurityGroup:
    Type: AWS::EC2::SecurityGroup::Id
Resources:
  AuditLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Search:
    Type: AWS::OpenSearchService::Domain
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EngineVersion: OpenSearch_2.11
      VPCOptions:
        SubnetIds: !Ref Subnets
        SecurityGroupIds: [!Ref SearchSecurityGroup]
      EncryptionAtRestOptions:
        Enabled: true
      NodeToNodeEncryptionOptions:
        Enabled: true
      DomainEndpointOptions:
        EnforceHTTPS: true
        TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10
      AdvancedSecurityOptions:
        Enabled: true
        InternalUserDatabaseEnabled: false
        MasterUserOptions: { MasterUserARN: arn:aws:iam::123456789012:role/search-admin }
      LogPublishingOptions:
        AUDIT_LOGS:
          Enabled: true
          CloudWatchLogsLogGroupArn: !GetAtt AuditLogs.Arn
`,
    },
  },
  (resource) => [mustBeTrue('EncryptionAtRestOptions.Enabled', 'encryption at rest', searchDomainFix(resource))],
);
