import type { Rule } from '../../server/src/engine/rule';
import { deliverySourcesOf } from '../lib/log-targets';
import { propertiesAt } from '../lib/properties';
import { explainConditions } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'cloudfront-distribution-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'CloudFront distributions should record access logs',
    rationale:
      'A distribution answers requests at the edge, often without the origin ever seeing them: cached responses, requests blocked or redirected, errors. Its access logs are then the only record of who fetched what, from where, and with which result; without them, scraping, probing for paths or abuse of signed URLs leaves no trace to investigate.',
    remediation:
      'Set `DistributionConfig.Logging` with `Bucket` (the bucket\'s regional domain name; the bucket must have ACLs enabled for the log delivery) and a `Prefix`, or send the logs through CloudWatch Logs log delivery: an `AWS::Logs::DeliverySource` for the distribution with `LogType: ACCESS_LOGS`, a `DeliveryDestination` (CloudWatch Logs, S3 or Firehose) and a `Delivery` between them.',
    docs: [
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-logging.html',
    ],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    equivalents: {
      checkov: ['CKV_AWS_86'],
      cfnNag: ['W10'],
      cfnLint: [],
      kics: ['de77cd9f-0e8b-46cc-b4a4-b6b436838642'],
      securityHub: ['CloudFront.5'],
      cis: [],
    },
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
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig: { OriginProtocolPolicy: https-only }
`,
      secure: `Resources:
  Site:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        DefaultCacheBehavior:
          TargetOriginId: app
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
        Origins:
          - Id: app
            DomainName: app.example.com
            CustomOriginConfig: { OriginProtocolPolicy: https-only, OriginSSLProtocols: [TLSv1.2] }
        Aliases: [www.example.com]
        ViewerCertificate:
          AcmCertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        Logging:
          Bucket: cdn-logs.s3.eu-west-1.amazonaws.com
          Prefix: site/
`,
    },
  },
  resource(resource, context) {
    // Logs delivered through CloudWatch Logs (standard logging v2) need no Logging block.
    if (deliverySourcesOf(resource, context).length > 0) return;
    for (const at of propertiesAt(resource, 'DistributionConfig.Logging', context)) {
      const removed = at.pair && context.evaluator.candidates(at.pair.value).find((c) => c.value.kind === 'noValue');
      if (at.pair && !removed) continue;
      const conditions = [...at.conditions, ...(removed ? removed.conditions : [])];
      context.report({ at: at.pair?.value ?? at.anchor, message: `${resource.logicalId} does not record access logs: ${at.label} is not set${explainConditions(conditions)}.` });
    }
  },
};

export default rule;
