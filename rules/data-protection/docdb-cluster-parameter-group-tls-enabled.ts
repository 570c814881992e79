import { propertyRule } from '../lib/properties';
import { asText } from '../lib/values';

export default propertyRule(
  {
    id: 'docdb-cluster-parameter-group-tls-enabled',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'DocumentDB cluster parameter groups should not turn off TLS',
    rationale:
      'DocumentDB requires TLS from clients by default. A cluster parameter group with `tls: disabled` lets every cluster that uses it accept plain connections, so queries, documents and results cross the network readable and changeable by anything on the path.',
    remediation:
      'Remove the `tls` parameter or set it to `enabled` (or `tls1.2+`, `tls1.3+`, `fips-140-3`). It is a static parameter: it applies when the cluster instances reboot, and clients must then connect with TLS and the Amazon RDS CA bundle.',
    docs: [
      'https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbclusterparametergroup.html',
    ],
    resourceTypes: ['AWS::DocDB::DBClusterParameterGroup'],
    equivalents: { checkov: ['CKV_AWS_90'], cfnNag: [], cfnLint: [], kics: [], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  DocumentParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: Documents
      Family: docdb5.0
      Parameters:
        tls: disabled
`,
      secure: `Resources:
  DocumentParameters:
    Type: AWS::DocDB::DBClusterParameterGroup
    Properties:
      Description: Documents
      Family: docdb5.0
      Parameters:
        tls: enabled
        audit_logs: enabled
`,
    },
  },
  [
    {
      path: 'Parameters.tls',
      what: 'TLS',
      secure: (value) => value.kind !== 'known' || asText(value)?.toLowerCase() !== 'disabled',
      whenMissing: 'secure',
      // Clients that connect without TLS stop working: the user decides when.
      fix: { value: 'enabled', preferred: false },
      insecurePhrase: 'lets clients connect without TLS',
    },
  ],
);
