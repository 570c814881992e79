import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';

export const REGION = 'us-east-1';
const ADMIN_EVERYTHING = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

/** The deployed stack: a bucket without a public access block and SSH open to the world. */
export const INSECURE_STACK = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

/**
 * A realistic, insecure account, through the SDK: alice signs in without MFA and holds a `*:*`
 * policy of her own, bob signs in with MFA, carol has two active access keys; a weak password
 * policy; a single-region trail without validation or encryption; a key without rotation; an
 * insecure stack; GuardDuty in one region; an organization with two member accounts.
 */
export async function seedAccount(): Promise<{ memberAccounts: string[]; carolKeys: string[]; keyId: string }> {
  const iam = new IAMClient({ region: REGION });
  for (const user of ['alice', 'bob', 'carol']) await iam.send(new CreateUserCommand({ UserName: user }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'alice', Password: 'Passw0rd!long-enough' }));
  await iam.send(new CreateLoginProfileCommand({ UserName: 'bob', Password: 'Passw0rd!long-enough' }));
  const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob-phone' }));
  await iam.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: VirtualMFADevice!.SerialNumber!, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));
  const carolKeys: string[] = [];
  for (let i = 0; i < 2; i++) {
    carolKeys.push((await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!.AccessKeyId!);
    // The credential report's key columns are matched to key ids by creation second.
    await new Promise((resume) => setTimeout(resume, 1100));
  }
  const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'AdminEverything', PolicyDocument: ADMIN_EVERYTHING }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: Policy!.Arn! }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'carol', PolicyName: 'reports', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) }));
  await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
  await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true, RequireNumbers: false, RequireSymbols: false }));

  await new S3Client({ region: REGION, forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
  const trails = new CloudTrailClient({ region: REGION });
  await trails.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs' }));
  await trails.send(new StartLoggingCommand({ Name: 'main' }));

  const { KeyMetadata } = await new KMSClient({ region: REGION }).send(new CreateKeyCommand({ Description: 'app data' }));
  await new GuardDutyClient({ region: REGION }).send(new CreateDetectorCommand({ Enable: true }));
  await new CloudFormationClient({ region: REGION }).send(new CreateStackCommand({ StackName: 'web', TemplateBody: INSECURE_STACK }));

  const organizations = new OrganizationsClient({ region: REGION });
  await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const memberAccounts: string[] = [];
  for (const name of ['dev', 'prod']) {
    const { CreateAccountStatus } = await organizations.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }));
    memberAccounts.push(CreateAccountStatus!.AccountId!);
  }
  return { memberAccounts, carolKeys, keyId: KeyMetadata!.KeyId! };
}
