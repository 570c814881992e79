import type { Rule } from '../../server/src/engine/rule';
import { DISTRIBUTION, isDisabled } from '../lib/cloudfront';
import { checkProperty, mustBeSet } from '../lib/properties';

const rule: Rule = {
  meta: {
    id: 'cloudfront-distribution-web-acl',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP04', 'SEC05-BP01'],
    // Info, not warning: a web ACL is a paid layer whose worth depends on what the distribution serves
    // (little for static assets, much for an application or API), and teams often attach it from another stack.
    severity: 'info',
    title: 'CloudFront distributions should be protected by an AWS WAF web ACL',
    rationale:
      'A distribution is the internet-facing door of whatever stands behind it. A web ACL at the edge inspects every request before it reaches the origin: it can block common exploits (SQL injection, cross-site scripting, known bad inputs), rate-limit floods and bots, and filter by reputation, so that attacks are stopped where they arrive rather than in the application.',
    remediation:
      'Create an `AWS::WAFv2::WebACL` with `Scope: CLOUDFRONT` in us-east-1 (AWS managed rule groups such as the core rule set are a good start) and set `DistributionConfig.WebACLId` to its ARN (`!GetAtt WebAcl.Arn`, or a parameter when the ACL lives in another stack).',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-distributionconfig.html',
    ],
    resourceTypes: [DISTRIBUTION],
    equivalents: { checkov: ['CKV_AWS_68'], cfnNag: [], cfnLint: [], kics: ['0f139403-303f-467c-96bd-e717e6cfd62d'], securityHub: ['CloudFront.6'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`,
      secure: `Parameters:
  Certificate:
    Type: String
Resources:
  EdgeAcl:
    Type: AWS::WAFv2::WebACL
    Properties:
      Scope: CLOUDFRONT
      DefaultAction:
        Allow: {}
      VisibilityConfig:
        SampledRequestsEnabled: true
        CloudWatchMetricsEnabled: true
        MetricName: edge
      Rules:
        - Name: common
          Priority: 0
          OverrideAction:
            None: {}
          Statement:
            ManagedRuleGroupStatement:
              VendorName: AWS
              Name: AWSManagedRulesCommonRuleSet
          VisibilityConfig:
            SampledRequestsEnabled: true
            CloudWatchMetricsEnabled: true
            MetricName: common
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [www.example.com]
        WebACLId: !GetAtt EdgeAcl.Arn
        Logging:
          Bucket: logs.s3.amazonaws.com
        ViewerCertificate:
          AcmCertificateArn: !Ref Certificate
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
              OriginSSLProtocols: [TLSv1.2]
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`,
    },
  },
  resource(resource, context) {
    if (isDisabled(resource, context)) return;
    checkProperty(resource, context, { ...mustBeSet('DistributionConfig.WebACLId', 'a web ACL'), missingPhrase: 'is not protected by a web ACL', insecurePhrase: 'is not protected by a web ACL' });
  },
};

export default rule;
