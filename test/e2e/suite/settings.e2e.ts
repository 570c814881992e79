import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { FIRST_DIAGNOSTICS_TIMEOUT_MS, openFixture, updatePillarSetting, waitForSummary } from './helpers';

const ORIGINAL = [
  '7:5-7:15 warning cloudtrail-log-file-validation-enabled',
  '7:5-7:15 warning cloudtrail-multi-region-enabled',
  '13:5-13:15 error s3-bucket-public-access-block',
  '24:19-24:28 error ec2-security-group-no-public-admin-ingress',
];

suite('settings take effect without a reload', () => {
  let uri: vscode.Uri;

  suiteSetup(async () => {
    uri = (await openFixture('logging.yaml')).document.uri;
    await waitForSummary(uri, ORIGINAL, 'the default findings', FIRST_DIAGNOSTICS_TIMEOUT_MS);
  });

  teardown(async () => {
    await updatePillarSetting('rules', undefined);
    await updatePillarSetting('enable', undefined);
    await waitForSummary(uri, ORIGINAL, 'the default findings again');
  });

  test('pillar.rules: a rule turned off disappears, a severity override applies', async () => {
    await updatePillarSetting('rules', { 'cloudtrail-multi-region-enabled': 'off', 's3-bucket-public-access-block': 'warning', 'cloudtrail-log-file-validation-enabled': 'info' });
    await waitForSummary(uri, [
      '7:5-7:15 info cloudtrail-log-file-validation-enabled',
      '13:5-13:15 warning s3-bucket-public-access-block',
      '24:19-24:28 error ec2-security-group-no-public-admin-ingress',
    ], 'the overridden findings');
  });

  test('pillar.enable: false clears the findings', async () => {
    await updatePillarSetting('enable', false);
    await waitForSummary(uri, [], 'no findings');
  });
});
