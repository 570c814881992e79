import type { Rule } from '../../server/src/engine/rule';
import { customerManagedKey } from '../lib/at-rest';
import { checkProperty, propertiesAt } from '../lib/properties';
import { asText } from '../lib/values';

/** Instance types with local NVMe storage, which their hardware encrypts and which take no KMS key. */
const LOCAL_STORAGE = /^ml\.([a-z]+\d+[a-z]*d[a-z]*|g5|g6|g6e|p4d|p4de|p5|p5e|trn1|trn1n|inf2)\./i;

const rule: Rule = {
  meta: {
    id: 'sagemaker-storage-kms-key',
    area: 'data-protection',
    bestPractice: ['SEC08-BP01'],
    severity: 'info',
    title: 'SageMaker notebook instances and endpoints can encrypt their storage with a customer managed KMS key',
    rationale:
      'SageMaker encrypts the ML storage volumes of notebook instances and endpoints, by default with keys it manages (for endpoints, a transient key). Notebook volumes keep datasets, notebooks and credentials between sessions; a customer managed key puts them under a key policy you control and records each use in CloudTrail.',
    remediation:
      'Set `KmsKeyId` on the `AWS::SageMaker::NotebookInstance` or `AWS::SageMaker::EndpointConfig` to a customer managed key whose policy lets SageMaker and the execution role use it. Changing it replaces the notebook instance (its volume is rebuilt; copy the data first) or the endpoint configuration. Endpoints on instance types with local NVMe storage take no key.',
    docs: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html#cfn-sagemaker-notebookinstance-kmskeyid',
    ],
    resourceTypes: ['AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::EndpointConfig'],
    equivalents: {
      checkov: ['CKV_AWS_187'],
      cfnNag: ['W1200', 'W1201'],
      cfnLint: [],
      kics: ['709e6da6-fa1f-44cc-8f17-7f25f96dadbe', '44034eda-1c3f-486a-831d-e09a7dd94354'],
      securityHub: [],
      cis: [],
    },
    fixable: false,
    enabledByDefault: false,
    examples: {
      insecure: `Parameters:
  NotebookRoleArn:
    Type: String
  Subnet:
    Type: AWS::EC2::Subnet::Id
  NotebookSecurityGroup:
    Type: AWS::EC2::SecurityGroup::Id
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !Ref NotebookRoleArn
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!Ref NotebookSecurityGroup]
      DirectInternetAccess: Disabled
      RootAccess: Disabled
`,
      secure: `Parameters:
  NotebookRoleArn:
    Type: String
  Subnet:
    Type: AWS::EC2::Subnet::Id
  NotebookSecurityGroup:
    Type: AWS::EC2::SecurityGroup::Id
  NotebookKeyArn:
    Type: String
Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: !Ref NotebookRoleArn
      SubnetId: !Ref Subnet
      SecurityGroupIds: [!Ref NotebookSecurityGroup]
      DirectInternetAccess: Disabled
      RootAccess: Disabled
      KmsKeyId: !Ref NotebookKeyArn
`,
    },
  },
  resource(resource, context) {
    if (resource.type === 'AWS::SageMaker::EndpointConfig') {
      // Serverless variants and local-storage instances cannot take a key: CreateEndpointConfig would fail.
      const variants = propertiesAt(resource, 'ProductionVariants[*].InstanceType', context);
      const serverless = propertiesAt(resource, 'ProductionVariants[].ServerlessConfig', context).some((at) => at.pair);
      const local = variants.some((at) => at.pair && context.evaluator.candidates(at.pair.value).some((c) => LOCAL_STORAGE.test(asText(c.value) ?? '')));
      if (serverless || local || variants.every((at) => !at.pair)) return;
    }
    const defaults = resource.type === 'AWS::SageMaker::EndpointConfig' ? 'a transient key SageMaker discards' : 'a key SageMaker manages';
    checkProperty(resource, context, customerManagedKey('KmsKeyId', defaults));
  },
};

export default rule;
