import { describe, it } from 'node:test';
import type { Trail } from '../../../server/src/engine/account';
import multiRegion from '../../../rules/detective-controls/account-cloudtrail-multi-region-logging';
import validation from '../../../rules/incident-response/account-cloudtrail-log-file-validation';
import encryption from '../../../rules/data-protection/account-cloudtrail-kms-encryption';
import { checkAccountCases, denied, everywhere, fail, notEvaluated, ok, pass, snapshotWith } from '../../helpers/account-snapshot';

const ORG: Trail = { name: 'org-trail', arn: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail', homeRegion: 'us-east-1', multiRegion: true, organization: false, logFileValidation: true, kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/trail', logging: ok(true), managementEvents: ok(true) };
const LOCAL: Trail = { ...ORG, name: 'local', arn: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/local', homeRegion: 'eu-west-1', multiRegion: false };

/** The multi-region trail shows in every region, a single-region trail only in its home region. */
const trails = (org: Trail | undefined, local?: Trail) =>
  snapshotWith((s) => {
    s.trails = [
      { region: 'us-east-1', result: ok(org ? [org] : []) },
      { region: 'eu-west-1', result: ok([...(org ? [org] : []), ...(local ? [local] : [])]) },
    ];
  });

describe('account-cloudtrail-multi-region-logging', () => {
  checkAccountCases(multiRegion, [
    { name: 'only a single-region trail fails', snapshot: trails(undefined, LOCAL), expected: fail('111122223333: No CloudTrail trail records every region.') },
    { name: 'no trail at all fails', snapshot: trails(undefined), expected: fail('111122223333: No CloudTrail trail records every region.') },
    { name: 'a stopped multi-region trail fails', snapshot: trails({ ...ORG, logging: ok(false) }), expected: fail('org-trail: Multi-region trail org-trail is not logging.') },
    { name: 'a trail without management events fails', snapshot: trails({ ...ORG, managementEvents: ok(false) }), expected: fail('org-trail: Multi-region trail org-trail does not record all management events.') },
    {
      name: 'a trail whose status was denied is not evaluated',
      snapshot: trails({ ...ORG, logging: denied('cloudtrail:GetTrailStatus', 'us-east-1') }),
      expected: notEvaluated('cloudtrail:GetTrailStatus us-east-1'),
    },
    { name: 'one good trail is enough, even beside a stopped one', snapshot: trails(ORG, { ...LOCAL, multiRegion: true, logging: ok(false) }), expected: pass },
    { name: 'DescribeTrails denied everywhere: not evaluated', snapshot: snapshotWith((s) => (s.trails = [{ region: 'us-east-1', result: denied('cloudtrail:DescribeTrails', 'us-east-1') }])), expected: notEvaluated('cloudtrail:DescribeTrails us-east-1') },
  ], it);
});

describe('account-cloudtrail-log-file-validation', () => {
  checkAccountCases(validation, [
    { name: 'each trail without validation fails once, though listed in two regions', snapshot: trails({ ...ORG, logFileValidation: false }, { ...LOCAL, logFileValidation: false }), expected: fail('org-trail: Trail org-trail does not validate its log files.', 'local: Trail local does not validate its log files.') },
    { name: 'validating trails pass', snapshot: trails(ORG, LOCAL), expected: pass },
    { name: 'DescribeTrails denied in one region: not evaluated there', snapshot: snapshotWith((s) => (s.trails = [{ region: 'us-east-1', result: ok([ORG]) }, { region: 'eu-west-1', result: denied('cloudtrail:DescribeTrails', 'eu-west-1') }])), expected: notEvaluated('cloudtrail:DescribeTrails eu-west-1') },
  ], it);
});

describe('account-cloudtrail-kms-encryption', () => {
  checkAccountCases(encryption, [
    { name: 'a trail without a KMS key fails', snapshot: trails({ ...ORG, kmsKeyId: null }), expected: fail('org-trail: Trail org-trail does not encrypt its logs with a KMS key.') },
    { name: 'no trails: nothing to encrypt', snapshot: snapshotWith((s) => (s.trails = everywhere([]))), expected: pass },
  ], it);
});
