import type { Rule } from '../../server/src/engine/rule';
import { DISTRIBUTION, SECURE_DISTRIBUTION, customOrigins, isDisabled, originsReachedOverHttp } from '../lib/cloudfront';
import { valueFixes } from '../lib/fixes';
import { asText, explain } from '../lib/values';

/** S3 website endpoints (`bucket.s3-website-eu-west-1.amazonaws.com`, `.s3-website.eu-west-1.`) speak only HTTP. */
const S3_WEBSITE = /\.s3-website[.-]/i;

const rule: Rule = {
  meta: {
    id: 'cloudfront-origin-https-only',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'CloudFront should connect to custom origins over HTTPS',
    rationale:
      'Between an edge location and a custom origin, requests and responses cross the public internet. With `OriginProtocolPolicy: http-only`, or `match-viewer` while a cache behavior still accepts HTTP from viewers, that leg is plain text: HTTPS between the viewer and CloudFront then only protects half of the journey.',
    remediation:
      'Serve the origin over HTTPS with a certificate valid for its domain name, then set `OriginProtocolPolicy: https-only` (with `OriginSSLProtocols: [TLSv1.2]`). An S3 website endpoint cannot serve HTTPS: use the bucket\'s REST endpoint as an S3 origin with origin access control instead. The fix is offered, not applied by fix-all: it breaks an origin that does not serve HTTPS yet.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-customoriginconfig.html',
    ],
    resourceTypes: [DISTRIBUTION],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['CloudFront.9'], cis: [] },
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
              OriginProtocolPolicy: http-only
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
    const overHttp = originsReachedOverHttp(resource, context);
    for (const origin of customOrigins(resource, context)) {
      const policy = origin.node.byKey.get('OriginProtocolPolicy')?.value;
      if (!policy) continue;
      // match-viewer is HTTPS to the origin whenever every behavior that reaches it requires HTTPS from viewers.
      const viewersUseHttp = overHttp === 'any' || origin.id === undefined || overHttp.has(origin.id);
      const insecure = context.evaluator.candidates(policy).filter((candidate) => {
        const text = asText(candidate.value)?.toLowerCase();
        return text === 'http-only' || (text === 'match-viewer' && viewersUseHttp);
      });
      if (insecure.length === 0) continue;
      const value = asText(insecure[0].value);
      const website = origin.domainName !== undefined && S3_WEBSITE.test(origin.domainName);
      const name = origin.id ? `origin ${origin.id}` : 'an origin';
      context.report({
        at: policy,
        message: `${resource.logicalId} sends requests to ${name} over plain HTTP: ${origin.label}.OriginProtocolPolicy is "${value}"${value === 'match-viewer' ? ' and a cache behavior lets viewers use HTTP' : ''}${explain({ ...insecure[0], conditions: [...origin.conditions, ...insecure[0].conditions] })}${website ? '; an S3 website endpoint serves only HTTP, so use the bucket as an S3 origin with origin access control' : ''}.`,
        fixes: website ? [] : valueFixes(context, policy, insecure, 'https-only', { label: 'OriginProtocolPolicy', preferred: false }).map((fix) =>
          // Over HTTPS, the CloudFormation default protocols (TLSv1, SSLv3) would apply: the fix names TLS 1.2 too.
          origin.node.byKey.has('OriginSSLProtocols') ? fix : { ...fix, title: `${fix.title}, with OriginSSLProtocols [TLSv1.2]`, changes: [...fix.changes, { kind: 'set' as const, map: origin.node, key: 'OriginSSLProtocols', value: ['TLSv1.2'] }] },
        ),
      });
    }
  },
};

export default rule;
