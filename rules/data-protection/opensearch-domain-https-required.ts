import type { Rule } from '../../server/src/engine/rule';
import { SEARCH_DOMAIN_TYPES } from '../lib/opensearch';
import { checkProperty, mustBeTrue, propertiesAt, type PropertyRequirement } from '../lib/properties';
import { asText, explainConditions } from '../lib/values';

/** The policy a fix writes: TLS 1.2 or later, which every current client speaks. */
const TLS_1_2 = 'Policy-Min-TLS-1-2-2019-07';
const DEFAULT_POLICY = 'Policy-Min-TLS-1-0-2019-07';

const tlsPolicy: PropertyRequirement = {
  path: 'DomainEndpointOptions.TLSSecurityPolicy',
  what: 'TLS 1.2',
  // Policy-Min-TLS-1-2-2019-07, Policy-Min-TLS-1-2-PFS-2023-10 and any later minimum.
  secure: (value) => value.kind !== 'known' || /^Policy-Min-TLS-1-[2-9]/i.test(asText(value) ?? ''),
  whenMissing: 'insecure',
  defaultText: DEFAULT_POLICY,
  fix: { value: TLS_1_2 },
  missingPhrase: 'accepts TLS 1.0 and 1.1',
  insecurePhrase: 'accepts TLS versions older than 1.2',
};

const rule: Rule = {
  meta: {
    id: 'opensearch-domain-https-required',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'OpenSearch and Elasticsearch domains should accept only HTTPS with TLS 1.2 or later',
    rationale:
      'Requests to a domain carry the documents being indexed and the results of every search. A domain that accepts plain HTTP lets clients, by mistake or by a downgrade, send them where anyone on the path can read and change them; one that accepts TLS 1.0 or 1.1 allows protocol versions with known weaknesses.',
    remediation:
      'Set `DomainEndpointOptions.EnforceHTTPS: true` and `TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07` (or `Policy-Min-TLS-1-2-PFS-2023-10` for forward secrecy only). Both change in place; clients must then connect with HTTPS and TLS 1.2, which current SDKs and tools do.',
    docs: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-domainendpointoptions.html',
    ],
    resourceTypes: SEARCH_DOMAIN_TYPES,
    equivalents: {
      checkov: ['CKV_AWS_83'],
      cfnNag: [],
      cfnLint: [],
      kics: ['4cdc88e6-c0c8-4081-a639-bb3a557cbedf'],
      securityHub: ['Opensearch.8', 'ES.8'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Search:
    Type: AWS::OpenSearchService::Domain
    Properties:
      EngineVersion: OpenSearch_2.11
      DomainEndpointOptions:
        EnforceHTTPS: false
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
        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07
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
  resource(resource, context) {
    for (const at of propertiesAt(resource, 'DomainEndpointOptions', context)) {
      if (at.pair) {
        checkProperty(resource, context, { ...mustBeTrue('DomainEndpointOptions.EnforceHTTPS', 'HTTPS only'), missingPhrase: 'accepts plain HTTP', insecurePhrase: 'accepts plain HTTP' });
        checkProperty(resource, context, tlsPolicy);
        return;
      }
      // No endpoint options at all (on this branch): one finding, one fix that writes both settings.
      context.report({
        at: at.anchor,
        message: `${resource.logicalId} accepts plain HTTP and TLS 1.0: DomainEndpointOptions is not set, so EnforceHTTPS defaults to false and TLSSecurityPolicy to ${DEFAULT_POLICY}${explainConditions(at.conditions)}.`,
        fixes: at.insert ? [{ title: `Require HTTPS with ${TLS_1_2}`, preferred: true, changes: [at.insert({ EnforceHTTPS: true, TLSSecurityPolicy: TLS_1_2 })] }] : [],
      });
    }
  },
};

export default rule;
