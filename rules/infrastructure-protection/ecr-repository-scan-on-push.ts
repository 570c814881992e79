import type { Resource } from '../../server/src/engine/model';
import type { Rule, RuleContext } from '../../server/src/engine/rule';
import { getProperty, type Node } from '../../server/src/engine/tree';
import { checkProperty, mustBeTrue } from '../lib/properties';
import { asText } from '../lib/values';

/** Registry scanning frequencies that scan a pushed image. */
const SCANS_ON_PUSH = new Set(['SCAN_ON_PUSH', 'CONTINUOUS_SCAN']);

const rule: Rule = {
  meta: {
    id: 'ecr-repository-scan-on-push',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP01', 'SEC06-BP02'],
    severity: 'warning',
    title: 'ECR repositories should scan images on push',
    rationale:
      'Images carry operating system packages and libraries with known vulnerabilities, and new ones are published every day. Scanning each image as it is pushed finds them before the image is deployed, and gives the findings to Security Hub and EventBridge so that a pipeline can stop a vulnerable image.',
    remediation:
      'Set `ImageScanningConfiguration.ScanOnPush: true` on the repository, or configure scanning for the whole registry with `AWS::ECR::RegistryScanningConfiguration` (enhanced scanning with Amazon Inspector also rescans images as new vulnerabilities are published). Basic scanning on push is free; act on the findings in the pipeline.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecr-repository-imagescanningconfiguration.html',
      'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
    ],
    resourceTypes: ['AWS::ECR::Repository'],
    equivalents: {
      checkov: ['CKV_AWS_163'],
      cfnNag: ['W79'],
      cfnLint: [],
      kics: ['9025b2b3-e554-4842-ba87-db7aeec36d35'],
      securityHub: ['ECR.1'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: web
      ImageTagMutability: IMMUTABLE
`,
      secure: `Resources:
  Images:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: web
      ImageTagMutability: IMMUTABLE
      ImageScanningConfiguration:
        ScanOnPush: true
      EncryptionConfiguration:
        EncryptionType: KMS
`,
    },
  },
  resource(resource, context) {
    if (scannedByRegistry(resource, context)) return;
    checkProperty(resource, context, { ...mustBeTrue('ImageScanningConfiguration.ScanOnPush', 'scanning on push'), missingPhrase: 'does not scan images on push', insecurePhrase: 'does not scan images on push' });
  },
};

/**
 * Whether a registry scanning configuration in the template scans this repository's pushed images:
 * a rule that scans on push (or continuously) with a filter that matches its name. A repository
 * whose name is only known at deploy time counts as covered by any such rule: it may well be.
 */
function scannedByRegistry(repository: Resource, context: RuleContext): boolean {
  const name = nameOf(getProperty(repository.properties, 'RepositoryName'), context);
  return (context.template?.resources ?? []).some((registry) => {
    if (registry.type !== 'AWS::ECR::RegistryScanningConfiguration') return false;
    const rules = getProperty(registry.properties, 'Rules');
    return rules?.kind === 'seq' && rules.items.some((item) => {
      const frequency = nameOf(getProperty(item, 'ScanFrequency'), context);
      if (frequency !== undefined && !SCANS_ON_PUSH.has(frequency.toUpperCase())) return false;
      const filters = getProperty(item, 'RepositoryFilters');
      return filters?.kind === 'seq' && filters.items.some((filter) => {
        const pattern = nameOf(getProperty(filter, 'Filter'), context);
        return pattern === undefined || name === undefined || wildcard(pattern).test(name);
      });
    });
  });
}

function nameOf(node: Node | undefined, context: RuleContext): string | undefined {
  const value = node && context.evaluator.single(node);
  return value ? asText(value) : undefined;
}

/** ECR's repository filters: `*` matches any run of characters. */
function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

export default rule;
