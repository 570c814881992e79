import type { Rule } from '../../server/src/engine/rule';
import { DISTRIBUTION, SECURE_DISTRIBUTION, distributionConfigs, isDisabled, mapsOf } from '../lib/cloudfront';
import { valueFixes } from '../lib/fixes';
import { asBoolean, asText, explain, explainConditions } from '../lib/values';

/** The policy a fix writes: TLS 1.2 with the ciphers AWS recommends. */
const RECOMMENDED = 'TLSv1.2_2021';

/** TLSv1.2_2021 and later policies (TLSv1.2_2025, TLSv1.3_2025); TLSv1.2_2018 and _2019 keep ciphers AWS no longer recommends. */
function isRecommended(policy: string): boolean {
  const match = /^TLSv1\.([23])_(\d{4})$/i.exec(policy);
  return match !== null && (match[1] === '3' || Number(match[2]) >= 2021);
}

const rule: Rule = {
  meta: {
    id: 'cloudfront-viewer-tls12-policy',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'CloudFront distributions should accept only TLS 1.2 or later from viewers',
    rationale:
      'The viewer security policy decides which TLS versions and ciphers viewers may use with the distribution. Policies older than TLSv1.2_2021 accept TLS 1.0 and 1.1, or TLS 1.2 ciphers without forward secrecy, which an attacker who can downgrade a connection may exploit. A distribution on the default `*.cloudfront.net` certificate always accepts TLS 1.0: its policy cannot be changed.',
    remediation:
      'With your own certificate (`AcmCertificateArn` and `SslSupportMethod: sni-only`), set `ViewerCertificate.MinimumProtocolVersion: TLSv1.2_2021`. A distribution on the default certificate needs an alternate domain name (`Aliases`) and an ACM certificate in us-east-1 first; that is not a change a tool can make for you.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-viewercertificate.html',
    ],
    resourceTypes: [DISTRIBUTION],
    equivalents: { checkov: ['CKV_AWS_174'], cfnNag: ['W70'], cfnLint: [], kics: ['dc17ee4b-ddf2-4e23-96e8-7a36abad1303'], securityHub: [], cis: [] },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Certificate:
    Type: String
Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        ViewerCertificate:
          AcmCertificateArn: !Ref Certificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`,
      secure: SECURE_DISTRIBUTION,
    },
  },
  resource(resource, context) {
    if (isDisabled(resource, context)) return;
    const configPair = resource.properties?.byKey.get('DistributionConfig');
    for (const config of distributionConfigs(resource, context)) {
      const certificatePair = config.node.byKey.get('ViewerCertificate');
      if (!certificatePair) {
        context.report({
          at: configPair?.key ?? resource.key,
          message: `${resource.logicalId} accepts TLS 1.0 from viewers: ViewerCertificate is not set, so it uses the default *.cloudfront.net certificate, whose policy is TLSv1${explainConditions(config.conditions)}.`,
        });
        continue;
      }
      for (const certificate of mapsOf(certificatePair.value, context, config.conditions)) {
        const custom = certificate.node.byKey.has('AcmCertificateArn') || certificate.node.byKey.has('IamCertificateId');
        if (!custom) {
          const flag = certificate.node.byKey.get('CloudFrontDefaultCertificate');
          const on = flag && context.evaluator.candidates(flag.value).find((candidate) => asBoolean(candidate.value) === true);
          if (flag && on) {
            context.report({
              at: flag.value,
              message: `${resource.logicalId} accepts TLS 1.0 from viewers: it uses the default *.cloudfront.net certificate, whose policy is TLSv1 whatever MinimumProtocolVersion says${explain({ ...on, conditions: [...certificate.conditions, ...on.conditions] })}.`,
            });
          }
          continue;
        }
        const version = certificate.node.byKey.get('MinimumProtocolVersion');
        if (!version) {
          context.report({
            at: certificatePair.key,
            message: `${resource.logicalId} accepts TLS 1.0 from viewers: ViewerCertificate.MinimumProtocolVersion is not set and defaults to TLSv1${explainConditions(certificate.conditions)}.`,
            fixes: [{ title: `Set MinimumProtocolVersion to ${RECOMMENDED}`, preferred: true, changes: [{ kind: 'set', map: certificate.node, key: 'MinimumProtocolVersion', value: RECOMMENDED }] }],
          });
          continue;
        }
        const insecure = context.evaluator.candidates(version.value).filter((candidate) => {
          const text = asText(candidate.value);
          return text !== undefined && !isRecommended(text);
        });
        if (insecure.length === 0) continue;
        context.report({
          at: version.value,
          message: `${resource.logicalId} accepts older TLS versions or ciphers than ${RECOMMENDED} from viewers: ViewerCertificate.MinimumProtocolVersion is "${asText(insecure[0].value)}"${explain({ ...insecure[0], conditions: [...certificate.conditions, ...insecure[0].conditions] })}.`,
          fixes: valueFixes(context, version.value, insecure, RECOMMENDED, { label: 'MinimumProtocolVersion' }),
        });
      }
    }
  },
};

export default rule;
