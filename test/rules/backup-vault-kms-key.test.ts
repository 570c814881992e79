import rule from '../../rules/data-protection/backup-vault-kms-key';
import { testRule } from '../helpers/rule-tester';

const vault = (properties: string) => `Resources:\n  Vault:\n    Type: AWS::Backup::BackupVault\n    Properties:\n      BackupVaultName: payments\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'a key of the template', code: vault('      EncryptionKeyArn: !GetAtt BackupKey.Arn\n') },
    { name: 'JSON, a key ARN', file: 't.json', code: '{"Resources": {"Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"EncryptionKeyArn": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}}' },
  ],
  invalid: [
    { name: 'no key', code: vault(''), findings: [{ range: '4:5-4:15', message: 'Vault does not use a customer managed KMS key: EncryptionKeyArn is not set and defaults to the AWS managed key aws/backup.' }], output: null },
    { name: 'the AWS managed key', code: vault('      EncryptionKeyArn: arn:aws:kms:eu-west-1:123456789012:alias/aws/backup\n'), findings: [{ range: '6:25-6:76' }], output: null },
    { name: 'JSON, no key', file: 't.json', code: '{"Resources": {"Vault": {"Type": "AWS::Backup::BackupVault", "Properties": {"BackupVaultName": "payments"}}}}', findings: [{ range: '1:62-1:74' }], output: null },
  ],
});
