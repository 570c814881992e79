import rule from '../../rules/data-protection/opensearch-domain-https-required';
import { testRule } from '../helpers/rule-tester';

const domain = (properties: string, type = 'AWS::OpenSearchService::Domain') => `Resources:\n  Search:\n    Type: ${type}\n    Properties:\n      EngineVersion: OpenSearch_2.11\n${properties}`;
const options = (https: string, policy: string) => domain(`      DomainEndpointOptions:\n        EnforceHTTPS: ${https}\n        TLSSecurityPolicy: ${policy}\n`);

testRule(rule, {
  valid: [
    { name: 'HTTPS with TLS 1.2', code: options('true', 'Policy-Min-TLS-1-2-2019-07') },
    { name: 'HTTPS with TLS 1.2 and forward secrecy', code: options('"true"', 'Policy-Min-TLS-1-2-PFS-2023-10') },
    { name: 'Elasticsearch domain, JSON', file: 't.json', code: '{"Resources": {"Search": {"Type": "AWS::Elasticsearch::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}}}}}' },
    { name: 'policy from a parameter without a default', code: `Parameters:\n  Policy:\n    Type: String\n${options('true', '!Ref Policy')}` },
  ],
  invalid: [
    {
      name: 'no endpoint options: one finding, one fix for both',
      code: domain(''),
      findings: [{ range: '4:5-4:15', message: 'Search accepts plain HTTP and TLS 1.0: DomainEndpointOptions is not set, so EnforceHTTPS defaults to false and TLSSecurityPolicy to Policy-Min-TLS-1-0-2019-07.' }],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07\n'),
    },
    {
      name: 'HTTP allowed',
      code: options('false', 'Policy-Min-TLS-1-2-2019-07'),
      findings: [{ range: '7:23-7:28', message: 'Search accepts plain HTTP: DomainEndpointOptions.EnforceHTTPS is false.' }],
      output: options('true', 'Policy-Min-TLS-1-2-2019-07'),
    },
    {
      name: 'TLS 1.0 allowed',
      code: options('true', 'Policy-Min-TLS-1-0-2019-07'),
      findings: [{ range: '8:28-8:54', message: 'Search accepts TLS versions older than 1.2: DomainEndpointOptions.TLSSecurityPolicy is "Policy-Min-TLS-1-0-2019-07".' }],
      output: options('true', 'Policy-Min-TLS-1-2-2019-07'),
    },
    {
      name: 'HTTPS required, policy left to its default',
      code: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n'),
      findings: [{ range: '6:7-6:28', message: 'Search accepts TLS 1.0 and 1.1: DomainEndpointOptions.TLSSecurityPolicy is not set and defaults to Policy-Min-TLS-1-0-2019-07.' }],
      output: domain('      DomainEndpointOptions:\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07\n'),
    },
    {
      name: 'options with neither setting: both added',
      code: domain('      DomainEndpointOptions:\n        CustomEndpointEnabled: false\n'),
      findings: [{ range: '6:7-6:28', message: /EnforceHTTPS is not set/ }, { range: '6:7-6:28', message: /TLSSecurityPolicy is not set/ }],
      output: domain('      DomainEndpointOptions:\n        CustomEndpointEnabled: false\n        EnforceHTTPS: true\n        TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07\n'),
    },
    {
      name: 'policy from a parameter default',
      code: `Parameters:\n  Policy:\n    Type: String\n    Default: Policy-Min-TLS-1-0-2019-07\n${options('true', '!Ref Policy')}`,
      findings: [{ range: '12:28-12:39', message: /from the default of parameter Policy/ }],
      output: `Parameters:\n  Policy:\n    Type: String\n    Default: Policy-Min-TLS-1-2-2019-07\n${options('true', '!Ref Policy')}`,
    },
    {
      name: 'endpoint options only on one branch',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${domain('      DomainEndpointOptions: !If [IsProd, { EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-2019-07 }, !Ref AWS::NoValue]\n')}`,
      findings: [{ range: '8:7-8:28', message: /EnforceHTTPS is not set and defaults to false \(when condition IsProd is false\)/ }, { range: '8:7-8:28', message: /TLSSecurityPolicy is not set/ }],
      output: null,
    },
    {
      name: 'JSON, HTTP allowed',
      file: 't.json',
      code: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": false, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}}}}}',
      findings: [{ range: '1:126-1:131' }],
      output: '{"Resources": {"Search": {"Type": "AWS::OpenSearchService::Domain", "Properties": {"DomainEndpointOptions": {"EnforceHTTPS": true, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07"}}}}}',
    },
  ],
});
