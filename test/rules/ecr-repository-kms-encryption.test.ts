import rule from '../../rules/data-protection/ecr-repository-kms-encryption';
import { testRule } from '../helpers/rule-tester';

const repository = (properties: string) => `Resources:\n  Images:\n    Type: AWS::ECR::Repository\n    Properties:\n      ImageTagMutability: IMMUTABLE\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'KMS', code: repository('      EncryptionConfiguration:\n        EncryptionType: KMS\n') },
    { name: 'KMS with a customer managed key', code: repository('      EncryptionConfiguration:\n        EncryptionType: KMS\n        KmsKey: !GetAtt ImagesKey.Arn\n') },
    { name: 'dual-layer KMS', code: repository('      EncryptionConfiguration:\n        EncryptionType: KMS_DSSE\n') },
    { name: 'JSON, KMS', file: 't.json', code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS"}}}}}' },
  ],
  invalid: [
    {
      name: 'no encryption settings',
      code: repository(''),
      findings: [{ range: '4:5-4:15', message: 'Images does not encrypt its images with KMS: EncryptionConfiguration.EncryptionType is not set and defaults to AES256.' }],
      output: repository('      EncryptionConfiguration:\n        EncryptionType: KMS\n'),
    },
    {
      name: 'AES256',
      code: repository('      EncryptionConfiguration:\n        EncryptionType: AES256\n'),
      findings: [{ range: '7:25-7:31', message: 'Images does not encrypt its images with KMS: EncryptionConfiguration.EncryptionType is "AES256".' }],
      output: repository('      EncryptionConfiguration:\n        EncryptionType: KMS\n'),
    },
    {
      name: 'JSON, AES256',
      file: 't.json',
      code: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "AES256"}}}}}',
      findings: [{ range: '1:120-1:128' }],
      output: '{"Resources": {"Images": {"Type": "AWS::ECR::Repository", "Properties": {"EncryptionConfiguration": {"EncryptionType": "KMS"}}}}}',
    },
  ],
});
