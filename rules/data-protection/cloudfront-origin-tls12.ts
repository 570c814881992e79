import type { Rule } from '../../server/src/engine/rule';
import { DISTRIBUTION, SECURE_DISTRIBUTION, customOrigins, isDisabled } from '../lib/cloudfront';
import { within } from '../lib/fixes';
import { asText, explain, explainConditions } from '../lib/values';

/** Protocols older than TLS 1.2, which CloudFront may still use with an origin that offers nothing better. */
const OUTDATED = new Set(['sslv3', 'tlsv1', 'tlsv1.1']);
const SECURE = ['TLSv1.2'];

const rule: Rule = {
  meta: {
    id: 'cloudfront-origin-tls12',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'CloudFront should use only TLS 1.2 with custom origins',
    rationale:
      '`OriginSSLProtocols` lists the protocols CloudFront may negotiate with a custom origin over HTTPS. SSLv3, TLS 1.0 and TLS 1.1 are broken or deprecated: if the origin, or an attacker between it and the edge, offers only those, CloudFront accepts them. Without the property, CloudFormation allows TLSv1 and SSLv3.',
    remediation:
      'Set `OriginSSLProtocols: [TLSv1.2]` on every custom origin that CloudFront reaches over HTTPS. It changes in place; an origin that cannot speak TLS 1.2 must be upgraded first, as any current web server, load balancer or API can.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginSSLProtocols',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-customoriginconfig.html',
    ],
    resourceTypes: [DISTRIBUTION],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['CloudFront.10'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1, TLSv1.1, TLSv1.2]
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
    for (const origin of customOrigins(resource, context)) {
      // An origin reached only over HTTP negotiates no TLS: cloudfront-origin-https-only reports it.
      const policy = origin.node.byKey.get('OriginProtocolPolicy')?.value;
      if (policy && context.evaluator.candidates(policy).every((candidate) => asText(candidate.value)?.toLowerCase() === 'http-only')) continue;
      const name = origin.id ? `origin ${origin.id}` : 'an origin';
      const protocols = origin.node.byKey.get('OriginSSLProtocols');
      if (!protocols) {
        context.report({
          at: origin.key,
          message: `${resource.logicalId} may use SSLv3 and TLS 1.0 with ${name}: ${origin.label}.OriginSSLProtocols is not set and defaults to TLSv1, SSLv3${explainConditions(origin.conditions)}.`,
          fixes: [{ title: 'Set OriginSSLProtocols to TLSv1.2', preferred: true, changes: [{ kind: 'set', map: origin.node, key: 'OriginSSLProtocols', value: SECURE }] }],
        });
        continue;
      }
      const insecure = context.evaluator.candidates(protocols.value).flatMap((list) => {
        if (list.value.kind !== 'collection' || list.value.node.kind !== 'seq') return [];
        const outdated = list.value.node.items.flatMap((item) => context.evaluator.candidates(item).map((candidate) => asText(candidate.value)).filter((text) => text !== undefined && OUTDATED.has(text.toLowerCase())));
        return outdated.length > 0 ? [{ list, outdated }] : [];
      });
      if (insecure.length === 0) continue;
      const local = insecure.every(({ list }) => list.source && within(list.source, protocols.value));
      context.report({
        at: protocols.value,
        message: `${resource.logicalId} may use outdated protocols with ${name}: ${origin.label}.OriginSSLProtocols allows ${insecure[0].outdated.join(', ')}${explain({ ...insecure[0].list, conditions: [...origin.conditions, ...insecure[0].list.conditions] })}.`,
        fixes: local ? [{ title: 'Set OriginSSLProtocols to TLSv1.2', preferred: true, changes: insecure.map(({ list }) => ({ kind: 'replace' as const, node: list.source!, value: SECURE })) }] : [],
      });
    }
  },
};

export default rule;
