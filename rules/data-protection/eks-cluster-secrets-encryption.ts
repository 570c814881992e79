import type { Rule, RuleContext } from '../../server/src/engine/rule';
import type { Node } from '../../server/src/engine/tree';
import { propertiesAt } from '../lib/properties';
import { asText, explain, explainConditions } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'eks-cluster-secrets-encryption',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01', 'SEC08-BP02'],
    severity: 'warning',
    title: 'EKS clusters should encrypt Kubernetes secrets with a KMS key you control',
    rationale:
      'Kubernetes secrets hold database passwords, API keys and service account tokens, and etcd keeps them in the control plane. Envelope encryption with a customer managed KMS key encrypts them with a key whose policy you write: reading a secret from an etcd backup or a disk then needs that key, each use is logged in CloudTrail, and disabling the key locks the secrets. Recent EKS versions encrypt API data with a key AWS owns, which none of that gives you.',
    remediation:
      'Add `EncryptionConfig: [{ Resources: [secrets], Provider: { KeyArn: <key ARN> } }]` with a symmetric customer managed key in the cluster\'s Region whose policy lets the cluster role use it. In CloudFormation the change replaces the cluster (the EKS API can add it in place with `associate-encryption-config`); once on, it cannot be turned off.',
    docs: [
      'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-eks-cluster-encryptionconfig.html',
    ],
    resourceTypes: ['AWS::EKS::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_58'],
      cfnNag: ['W82'],
      cfnLint: [],
      kics: ['8e5ef52b-e673-4c3f-9b2e-99cdd0139059'],
      securityHub: ['EKS.3'],
      cis: [],
    },
    fixable: false,
    examples: {
      insecure: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }]
`,
      secure: `Parameters:
  SecretsKeyArn:
    Type: String
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::123456789012:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0aaaaaaaaaaaaaaa1, subnet-0aaaaaaaaaaaaaaa2]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: !Ref SecretsKeyArn
      Logging:
        ClusterLogging:
          EnabledTypes: [{ Type: api }, { Type: audit }, { Type: authenticator }]
`,
    },
  },
  resource(resource, context) {
    for (const at of propertiesAt(resource, 'EncryptionConfig', context)) {
      if (!at.pair) {
        context.report({ at: at.anchor, message: `${resource.logicalId} does not encrypt Kubernetes secrets with a KMS key: EncryptionConfig is not set${explainConditions(at.conditions)}.` });
        continue;
      }
      for (const candidate of context.evaluator.candidates(at.pair.value)) {
        const value = candidate.value;
        if (value.kind === 'noValue') {
          context.report({ at: at.pair.value, message: `${resource.logicalId} does not encrypt Kubernetes secrets with a KMS key: EncryptionConfig is not set${explain(candidate)}.` });
        } else if (value.kind === 'collection' && value.node.kind === 'seq' && !value.node.items.some((item) => encryptsSecrets(item, context))) {
          context.report({ at: at.pair.value, message: `${resource.logicalId} does not encrypt Kubernetes secrets with a KMS key: no EncryptionConfig entry names secrets with a Provider.KeyArn${explain(candidate)}.` });
        } else continue;
        break;
      }
    }
  },
};

/**
 * Whether an EncryptionConfig entry may cover secrets with a key: `Resources` includes `secrets` and
 * `Provider.KeyArn` is given, on some branch. Values known only at deploy time count as given.
 */
function encryptsSecrets(item: Node, context: RuleContext): boolean {
  return context.evaluator.candidates(item).some((entry) => {
    if (entry.value.kind === 'unknown') return true;
    if (entry.value.kind !== 'collection' || entry.value.node.kind !== 'map') return false;
    const map = entry.value.node;
    const resources = map.byKey.get('Resources')?.value;
    const provider = map.byKey.get('Provider')?.value;
    return resources !== undefined && provider !== undefined && names(resources, 'secrets', context) && hasKey(provider, context);
  });
}

function names(list: Node, wanted: string, context: RuleContext): boolean {
  return context.evaluator.candidates(list).some((branch) => {
    if (branch.value.kind === 'unknown') return true;
    if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'seq') return false;
    return branch.value.node.items.some((item) => context.evaluator.candidates(item).some((c) => c.value.kind === 'unknown' || asText(c.value) === wanted));
  });
}

function hasKey(provider: Node, context: RuleContext): boolean {
  return context.evaluator.candidates(provider).some((branch) => {
    if (branch.value.kind === 'unknown') return true;
    if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') return false;
    const key = branch.value.node.byKey.get('KeyArn')?.value;
    return key !== undefined && context.evaluator.candidates(key).some((c) => c.value.kind !== 'noValue' && asText(c.value) !== '');
  });
}

export default rule;
