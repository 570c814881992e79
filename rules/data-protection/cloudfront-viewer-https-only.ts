import type { Rule } from '../../server/src/engine/rule';
import { DISTRIBUTION, SECURE_DISTRIBUTION, behaviorPaths, isDisabled } from '../lib/cloudfront';
import { checkProperty, mustBeOneOf } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'cloudfront-viewer-https-only',
    area: 'data-protection',
    bestPractice: ['SEC09-BP02'],
    severity: 'warning',
    title: 'CloudFront cache behaviors should require HTTPS from viewers',
    rationale:
      'With `ViewerProtocolPolicy: allow-all` a distribution answers plain HTTP: the pages, cookies and tokens exchanged with viewers can be read and altered by anyone on the network between them and the edge, and nothing moves a viewer who arrived over HTTP to HTTPS.',
    remediation:
      'Set `ViewerProtocolPolicy: redirect-to-https` on the default cache behavior and on every path pattern (or `https-only` where no client should ever arrive over HTTP). The change applies in place; clients that cannot follow a redirect must use HTTPS URLs.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-defaultcachebehavior.html',
    ],
    resourceTypes: [DISTRIBUTION],
    equivalents: {
      checkov: ['CKV_AWS_34'],
      cfnNag: [],
      cfnLint: [],
      kics: ['31733ee2-fef0-4e87-9778-65da22a8ecf1', 'a5366a50-932f-4085-896b-41402714a388'],
      securityHub: ['CloudFront.3'],
      cis: [],
    },
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
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: allow-all
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`,
      secure: SECURE_DISTRIBUTION,
    },
  },
  resource(resource, context) {
    if (isDisabled(resource, context)) return;
    for (const path of behaviorPaths('ViewerProtocolPolicy')) {
      checkProperty(resource, context, {
        ...mustBeOneOf(path, 'HTTPS', ['redirect-to-https', 'https-only'], 'secure', { value: 'redirect-to-https' }),
        insecurePhrase: 'lets viewers connect over plain HTTP',
      });
    }
  },
};

export default rule;
