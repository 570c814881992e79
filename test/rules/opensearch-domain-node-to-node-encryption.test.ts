import rule from '../../rules/data-protection/opensearch-domain-node-to-node-encryption';
import { testRule } from '../helpers/rule-tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      EngineVersion: OpenSearch_2.11\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'turned on', code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n') },
    { name: 'Elasticsearch domain, turned on', code: domain('      NodeToNodeEncryptionOptions: { Enabled: "true" }\n', 'AWS::Elasticsearch::Domain') },
    { name: 'from a parameter that can only be true', code: `Parameters:\n  On:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref On\n')}` },
    { name: 'JSON, turned on', file: 't.json', code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": true}}}}}' },
  ],
  invalid: [
    {
      name: 'not set',
      code: domain(''),
      findings: [{ range: '4:5-4:15', message: 'Search does not turn on node-to-node encryption: NodeToNodeEncryptionOptions.Enabled is not set and defaults to false.' }],
      output: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n'),
    },
    {
      name: 'turned off',
      code: domain('      NodeToNodeEncryptionOptions:\n        Enabled: false\n'),
      findings: [{ range: '7:18-7:23', message: 'Search turns off node-to-node encryption: NodeToNodeEncryptionOptions.Enabled is false.' }],
      output: domain('      NodeToNodeEncryptionOptions:\n        Enabled: true\n'),
    },
    {
      name: 'parameter allowing false',
      code: `Parameters:\n  On:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true", "false"]\n${domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref On\n')}`,
      findings: [{ range: '12:18-12:25', message: /allowed value of parameter On/ }],
      output: `Parameters:\n  On:\n    Type: String\n    Default: "true"\n    AllowedValues: ["true"]\n${domain('      NodeToNodeEncryptionOptions:\n        Enabled: !Ref On\n')}`,
    },
    {
      name: 'JSON, turned off',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": false}}}}}',
      findings: [{ range: '1:123-1:128' }],
      output: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"NodeToNodeEncryptionOptions": {"Enabled": true}}}}}',
    },
  ],
});
