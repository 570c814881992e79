import { propertyRule, type PropertyRequirement } from '../lib/properties';
import { asText } from '../lib/values';

/** TLS_1_0 is the one policy that accepts TLS 1.0 and 1.1; TLS_1_2 and the enhanced `SecurityPolicy_TLS13_*` policies do not. */
const secure: PropertyRequirement['secure'] = (value) => value.kind !== 'known' || asText(value)?.toUpperCase() !== 'TLS_1_0';

export default propertyRule(
  {
    id: 'apigateway-domain-tls12',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'API Gateway custom domain names should require TLS 1.2 or later',
    rationale:
      'The security policy of a custom domain name decides which TLS versions clients may use to call the APIs mapped to it. `TLS_1_0` still accepts TLS 1.0 and 1.1, whose weaknesses let an attacker who can downgrade a connection read or alter requests and responses. A REST API domain name created without a policy has used TLS_1_0.',
    remediation:
      'Set `SecurityPolicy: TLS_1_2` on `AWS::ApiGateway::DomainName` (or an enhanced `SecurityPolicy_TLS13_*` policy), and on each `DomainNameConfigurations` entry of `AWS::ApiGatewayV2::DomainName`. The change applies in place; clients limited to TLS 1.0 or 1.1 can no longer connect.',
    docs: [
      'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-apigateway-domainname.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigatewayv2-domainname-domainnameconfiguration.html',
    ],
    resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
    equivalents: { checkov: [], cfnNag: ['W62'], cfnLint: [], kics: ['8275fab0-68ec-4705-bbf4-86975edb170e'], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Certificate:
    Type: String
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: !Ref Certificate
      EndpointConfiguration:
        Types: [REGIONAL]
      SecurityPolicy: TLS_1_0
`,
      secure: `Parameters:
  Certificate:
    Type: String
Resources:
  ApiDomain:
    Type: AWS::ApiGateway::DomainName
    Properties:
      DomainName: api.example.com
      RegionalCertificateArn: !Ref Certificate
      EndpointConfiguration:
        Types: [REGIONAL]
      SecurityPolicy: TLS_1_2
`,
    },
  },
  (resource) =>
    resource.type === 'AWS::ApiGateway::DomainName'
      ? [{ path: 'SecurityPolicy', what: 'TLS 1.2', secure, whenMissing: 'insecure', defaultText: 'TLS_1_0', fix: { value: 'TLS_1_2' }, missingPhrase: 'may accept TLS 1.0 and 1.1', insecurePhrase: 'accepts TLS 1.0 and 1.1' }]
      : // HTTP API domain names default to TLS_1_2: only a policy written as TLS_1_0 is reported.
        [{ path: 'DomainNameConfigurations[*].SecurityPolicy', what: 'TLS 1.2', secure, whenMissing: 'secure', fix: { value: 'TLS_1_2' }, insecurePhrase: 'accepts TLS 1.0 and 1.1' }],
);
