import { privateWhenSet, publicEndpointRule } from '../lib/public-access';

const IN_VPC = privateWhenSet('VPCOptions', 'has a public endpoint');

export default publicEndpointRule(
  {
    id: 'opensearch-domain-in-vpc',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP01'],
    severity: 'warning',
    title: 'OpenSearch domains should be placed in a VPC',
    rationale:
      'A domain created without `VPCOptions` gets a public endpoint: its search and index APIs, and OpenSearch Dashboards, answer anyone on the internet, and only the domain access policy and fine-grained access control decide who gets in. One permissive statement in that policy exposes every index. A domain in a VPC is reached only through its network interfaces, behind security groups.',
    remediation:
      'Set `VPCOptions` with private `SubnetIds` (one per Availability Zone used) and `SecurityGroupIds` that admit only the clients. Whether a domain is public or in a VPC is fixed when it is created: CloudFormation replaces the domain, so take a snapshot and restore it into the new domain. Users reach Dashboards through a VPN, a bastion or a proxy in the VPC.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-opensearchservice-domain.html#cfn-opensearchservice-domain-vpcoptions',
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
    ],
    resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
    equivalents: {
      checkov: [],
      cfnNag: ['W90'],
      cfnLint: [],
      kics: [],
      securityHub: ['ES.2', 'Opensearch.2'],
      cis: [],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      EngineVersion: OpenSearch_2.13
      ClusterConfig:
        InstanceType: r6g.large.search
        InstanceCount: 2
`,
      secure: `Resources:
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
      EngineVersion: OpenSearch_2.13
      ClusterConfig:
        InstanceType: r6g.large.search
        InstanceCount: 2
        ZoneAwarenessEnabled: true
      VPCOptions:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        SecurityGroupIds: [sg-0123456789abcdef0]
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
  { 'AWS::OpenSearchService::Domain': IN_VPC, 'AWS::Elasticsearch::Domain': IN_VPC },
);
