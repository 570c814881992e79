import rule from '../../rules/data-protection/sagemaker-storage-kms-key';
import { testRule } from '../helpers/rule-tester';

const notebook = (properties: string) => `Resources:\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n${properties}`;
const endpoint = (variant: string, properties = '') => `Resources:\n  Serving:\n    Type: AWS::SageMaker::EndpointConfig\n    Properties:\n      ProductionVariants:\n        - ModelName: churn\n          VariantName: main\n${variant}${properties}`;

testRule(rule, {
  valid: [
    { name: 'notebook with a key of the template', code: notebook('      KmsKeyId: !Ref NotebookKey\n') },
    { name: 'endpoint with a key', code: endpoint('          InstanceType: ml.m5.large\n', '      KmsKeyId: alias/serving\n') },
    { name: 'endpoint on an instance type with local storage', code: endpoint('          InstanceType: ml.g4dn.xlarge\n') },
    { name: 'endpoint on a g5 instance, which has local storage', code: endpoint('          InstanceType: ml.g5.2xlarge\n') },
    { name: 'serverless endpoint', code: endpoint('          ServerlessConfig: { MaxConcurrency: 5, MemorySizeInMB: 2048 }\n') },
    { name: 'JSON, notebook with a key', file: 't.json', code: '{"Resources": {"Notebook": {"Type": "AWS::SageMaker::NotebookInstance", "Properties": {"KmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}}' },
  ],
  invalid: [
    { name: 'notebook without a key', code: notebook(''), findings: [{ range: '4:5-4:15', message: 'Notebook does not use a customer managed KMS key: KmsKeyId is not set and defaults to a key SageMaker manages.' }], output: null },
    {
      name: 'endpoint without a key',
      code: endpoint('          InstanceType: ml.m5.large\n'),
      findings: [{ range: '4:5-4:15', message: 'Serving does not use a customer managed KMS key: KmsKeyId is not set and defaults to a transient key SageMaker discards.' }],
      output: null,
    },
    { name: 'notebook with the AWS managed key', code: notebook('      KmsKeyId: alias/aws/sagemaker\n'), findings: [{ range: '6:17-6:36' }], output: null },
    { name: 'JSON, notebook without a key', file: 't.json', code: '{"Resources": {"Notebook": {"Type": "AWS::SageMaker::NotebookInstance", "Properties": {"InstanceType": "ml.t3.medium"}}}}', findings: [{ range: '1:73-1:85' }], output: null },
  ],
});
