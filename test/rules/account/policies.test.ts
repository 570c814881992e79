import { describe, it } from 'node:test';
import attached from '../../../rules/identity-and-access-management/account-users-no-attached-policies';
import fullAdmin from '../../../rules/identity-and-access-management/account-policies-no-full-admin';
import support from '../../../rules/incident-response/account-support-role-exists';
import certificates from '../../../rules/identity-and-access-management/account-server-certificates-not-expired';
import { checkAccountCases, daysAgo, denied, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

type Authorization = { users: { name: string; attachedPolicies: unknown[]; inlinePolicies: unknown[] }[]; groups: { attachedPolicies: unknown[]; inlinePolicies: unknown[] }[]; roles: { name: string; attachedPolicies: unknown[]; inlinePolicies: unknown[] }[]; policies: unknown[] };
const authorization = (change: (a: Authorization) => void) => snapshotWith((s) => change((s.iam.authorization as unknown as { value: Authorization }).value));
const ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const authorizationDenied = snapshotWith((s) => (s.iam.authorization = denied('iam:GetAccountAuthorizationDetails')));

describe('account-users-no-attached-policies', () => {
  checkAccountCases(attached, [
    {
      name: 'a managed and an inline policy on a user fail',
      snapshot: authorization((a) => {
        a.users[0].attachedPolicies.push({ name: 'ReadBuckets', arn: 'arn:aws:iam::111122223333:policy/ReadBuckets' });
        a.users[0].inlinePolicies.push({ name: 'scratch', document: {} });
      }),
      expected: fail('dana: dana has policies of its own: ReadBuckets, scratch (inline).'),
    },
    { name: 'policies on groups and roles pass', snapshot: authorization((a) => a.roles[0].inlinePolicies.push({ name: 'extra', document: {} })), expected: pass },
    { name: 'authorization details denied: not evaluated', snapshot: authorizationDenied, expected: notEvaluated('iam:GetAccountAuthorizationDetails') },
  ], it);
});

describe('account-policies-no-full-admin', () => {
  checkAccountCases(fullAdmin, [
    { name: 'a customer managed "*" on "*" policy fails', snapshot: authorization((a) => a.policies.push({ name: 'Everything', arn: 'arn:aws:iam::111122223333:policy/Everything', attachmentCount: 2, document: ALL })), expected: fail('Everything: Policy Everything allows every action on every resource (attached 2 times).') },
    {
      name: '"*:*" in a list, in a statement object, unattached, fails',
      snapshot: authorization((a) => a.policies.push({ name: 'Legacy', arn: 'arn:aws:iam::111122223333:policy/Legacy', attachmentCount: 0, document: { Statement: { Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: ['*'] } } })),
      expected: fail('Legacy: Policy Legacy allows every action on every resource (not attached).'),
    },
    { name: 'an inline "*" on "*" policy of a role fails', snapshot: authorization((a) => a.roles[0].inlinePolicies.push({ name: 'break-glass', document: ALL })), expected: fail('support: The inline policy break-glass of role support allows every action on every resource.') },
    { name: '"*" on one bucket passes', snapshot: authorization((a) => a.policies.push({ name: 'Bucket', arn: 'arn:aws:iam::111122223333:policy/Bucket', attachmentCount: 1, document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::logs/*' }] } })), expected: pass },
    { name: 'a Deny of "*" on "*" passes', snapshot: authorization((a) => a.policies.push({ name: 'Fence', arn: 'arn:aws:iam::111122223333:policy/Fence', attachmentCount: 1, document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] } })), expected: pass },
    { name: 'authorization details denied: not evaluated', snapshot: authorizationDenied, expected: notEvaluated('iam:GetAccountAuthorizationDetails') },
  ], it);
});

describe('account-support-role-exists', () => {
  checkAccountCases(support, [
    { name: 'nobody holding AWSSupportAccess fails', snapshot: authorization((a) => (a.roles[0].attachedPolicies = [])), expected: fail('111122223333: No role, group or user holds the AWSSupportAccess policy.') },
    { name: 'a group holding it passes', snapshot: authorization((a) => ((a.roles[0].attachedPolicies = []), a.groups[0].attachedPolicies.push({ name: 'AWSSupportAccess', arn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }))), expected: pass },
    { name: 'a customer policy of the same name does not count', snapshot: authorization((a) => (a.roles[0].attachedPolicies = [{ name: 'AWSSupportAccess', arn: 'arn:aws:iam::111122223333:policy/team/AWSSupportAccessCopy' }])), expected: fail('111122223333: No role, group or user holds the AWSSupportAccess policy.') },
    { name: 'authorization details denied: not evaluated', snapshot: authorizationDenied, expected: notEvaluated('iam:GetAccountAuthorizationDetails') },
  ], it);
});

describe('account-server-certificates-not-expired', () => {
  const certificate = (expiration: string) => snapshotWith((s) => (s.iam.serverCertificates = ok([{ name: 'old-www', arn: 'arn:aws:iam::111122223333:server-certificate/old-www', expiration }])));
  checkAccountCases(certificates, [
    { name: 'a certificate expired 30 days ago fails', snapshot: certificate(daysAgo(30)), expected: fail('old-www: Server certificate old-www expired 30 days ago (2026-05-02).') },
    { name: 'a certificate valid for one more day passes', snapshot: certificate(daysAgo(-1)), expected: pass },
    { name: 'ListServerCertificates denied: not evaluated', snapshot: snapshotWith((s) => (s.iam.serverCertificates = denied('iam:ListServerCertificates'))), expected: notEvaluated('iam:ListServerCertificates') },
  ], it);
});
