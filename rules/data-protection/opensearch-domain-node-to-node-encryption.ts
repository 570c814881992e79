import { SEARCH_DOMAIN_TYPES, searchDomainFix } from '../lib/opensearch';
import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'opensearch-domain-node-to-node-encryption',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'OpenSearch and Elasticsearch domains should encrypt traffic between their nodes',
    rationale:
      'The nodes of a domain pass documents, queries and results to each other across the VPC. Without node-to-node encryption that traffic travels in plain text, readable by anything that can observe the network between them. Node-to-node encryption wraps it in TLS, and is required for fine-grained access control.',
    remediation:
      'Set `NodeToNodeEncryptionOptions.Enabled: true`. OpenSearch domains turn it on in place with a blue/green deployment; an `AWS::Elasticsearch::Domain` may be replaced. It needs Elasticsearch 6.0 or later, or OpenSearch.',
    docs: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html#cfn-opensearchservice-domain-nodetonodeencryptionoptions',
    ],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    equivalents: {
      checkov: ['CKV_AWS_6'],
      cfnNag: ['W85'],
      cfnLint: [],
      kics: [],
      securityHub: ['Opensearch.3', 'ES.3'],
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
        Enabled: true
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
  (resource) => [mustBeTrue('NodeToNodeEncryptionOptions.Enabled', 'node-to-node encryption', searchDomainFix(resource))],
);
