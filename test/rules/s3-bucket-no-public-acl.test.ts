import rule from '../../rules/data-protection/s3-bucket-no-public-acl';
import { testRule } from '../helpers/rule-tester';

const bucket = (properties: string) => `Resources:\n  Downloads:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: downloads\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'no ACL', code: bucket('') },
    { name: 'no Properties', code: 'Resources:\n  Downloads:\n    Type: AWS::S3::Bucket\n' },
    { name: 'private', code: bucket('      AccessControl: Private\n') },
    { name: 'log delivery', code: bucket('      AccessControl: LogDeliveryWrite\n') },
    { name: 'bucket owner full control', code: bucket('      AccessControl: BucketOwnerFullControl\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Acl:\n    Type: String\n${bucket('      AccessControl: !Ref Acl\n')}` },
    { name: 'JSON, private', file: 't.json', code: '{"Resources": {"Downloads": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "Private"}}}}' },
  ],
  invalid: [
    {
      name: 'public read',
      code: bucket('      AccessControl: PublicRead\n'),
      findings: [{ range: '6:22-6:32', message: 'Downloads grants access beyond the account with a canned ACL: AccessControl is "PublicRead".' }],
      output: bucket('      AccessControl: Private\n'),
    },
    {
      name: 'public read and write',
      code: bucket('      AccessControl: PublicReadWrite\n'),
      findings: [{ range: '6:22-6:37', message: /AccessControl is "PublicReadWrite"/ }],
      output: bucket('      AccessControl: Private\n'),
    },
    {
      name: 'every AWS account',
      code: bucket('      AccessControl: AuthenticatedRead\n'),
      findings: [{ range: '6:22-6:39' }],
      output: bucket('      AccessControl: Private\n'),
    },
    {
      name: 'a website bucket: the fix is offered but not preferred',
      code: bucket('      AccessControl: PublicRead\n      WebsiteConfiguration:\n        IndexDocument: index.html\n'),
      findings: [{ range: '6:22-6:32' }],
      output: bucket('      AccessControl: Private\n      WebsiteConfiguration:\n        IndexDocument: index.html\n'),
    },
    {
      name: 'public on one branch of a condition',
      code: `Conditions:\n  IsDemo: !Equals [!Ref AWS::StackName, demo]\n${bucket('      AccessControl: !If [IsDemo, PublicRead, Private]\n')}`,
      findings: [{ range: '8:22-8:55', message: /when condition IsDemo is true/ }],
      output: `Conditions:\n  IsDemo: !Equals [!Ref AWS::StackName, demo]\n${bucket('      AccessControl: !If [IsDemo, Private, Private]\n')}`,
    },
    {
      name: 'parameter allowing a public ACL',
      code: `Parameters:\n  Acl:\n    Type: String\n    Default: Private\n    AllowedValues: [Private, PublicRead]\n${bucket('      AccessControl: !Ref Acl\n')}`,
      findings: [{ range: '11:22-11:30', message: /parameter Acl/ }],
      output: `Parameters:\n  Acl:\n    Type: String\n    Default: Private\n    AllowedValues: [Private]\n${bucket('      AccessControl: !Ref Acl\n')}`,
    },
    {
      name: 'JSON, public read and write',
      file: 't.json',
      code: '{"Resources": {"Downloads": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "PublicReadWrite"}}}}',
      findings: [{ range: '1:89-1:106' }],
      output: '{"Resources": {"Downloads": {"Type": "AWS::S3::Bucket", "Properties": {"AccessControl": "Private"}}}}',
    },
  ],
});
