import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../helpers/analyze';

const volume = (extra = '', properties = '      Size: 10\n') => `Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n${extra}    Properties:\n${properties}`;

/** The rules these tests suppress, and the engine's own findings; other rules' findings on the fixtures are beside the point. */
const UNDER_TEST = /^(ebs-volume-encryption-enabled|cloudtrail-[a-z-]+)$/;

function findings(source: string, file = 't.yaml') {
  return analyze(source, file).findings.filter((f) => f.area === null || UNDER_TEST.test(f.ruleId));
}

function ids(source: string, file = 't.yaml'): string[] {
  return findings(source, file).map((f) => f.ruleId);
}

describe('suppressions', () => {
  it('without any, the finding is reported', () => assert.deepEqual(ids(volume()), ['ebs-volume-encryption-enabled']));

  it('an inline comment on the line before, with a reason', () => {
    const source = 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    # pillar:ignore ebs-volume-encryption-enabled -- scratch disk, no data\n    Properties:\n      Size: 10\n';
    assert.deepEqual(ids(source), []);
  });

  it('an inline comment at the end of the line', () => {
    const source = volume('', '      Encrypted: false # pillar:ignore ebs-volume-encryption-enabled -- test fixture\n');
    assert.deepEqual(ids(source), []);
  });

  it('a comment above the resource covers the whole resource', () => {
    const source = 'Resources:\n  # pillar:ignore ebs-volume-encryption-enabled -- holds public data only\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n';
    assert.deepEqual(ids(source), []);
  });

  it('a comment for another line does not suppress', () => {
    const source = '# pillar:ignore ebs-volume-encryption-enabled -- reason\nResources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      Size: 10\n';
    assert.deepEqual(ids(source), ['ebs-volume-encryption-enabled']);
  });

  it('a comment without a reason is reported and not applied', () => {
    const source = 'Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties: # pillar:ignore ebs-volume-encryption-enabled\n      Size: 10\n';
    const found = findings(source);
    assert.deepEqual(found.map((f) => f.ruleId), ['ebs-volume-encryption-enabled', 'invalid-suppression']);
    assert.match(found[1].message, /gives no reason/);
  });

  it('a comment naming an unknown rule is reported', () => {
    const source = volume('', '      Size: 10 # pillar:ignore no-such-rule -- because\n');
    assert.deepEqual(ids(source), ['ebs-volume-encryption-enabled', 'invalid-suppression']);
  });

  it('resource Metadata, ours', () => {
    const source = volume('    Metadata:\n      pillar:\n        suppress:\n          - rule: ebs-volume-encryption-enabled\n            reason: ephemeral build cache\n');
    assert.deepEqual(ids(source), []);
  });

  it('resource Metadata, ours, without a reason', () => {
    const source = volume('    Metadata:\n      pillar:\n        suppress:\n          - rule: ebs-volume-encryption-enabled\n');
    assert.deepEqual(ids(source), ['invalid-suppression', 'ebs-volume-encryption-enabled']);
  });

  it("cfn_nag's rules_to_suppress maps through equivalents", () => {
    const source = volume('    Metadata:\n      cfn_nag:\n        rules_to_suppress:\n          - id: F1\n            reason: test\n');
    assert.deepEqual(ids(source), []);
  });

  it("cfn-lint's ignore_checks, on the resource and on the template", () => {
    assert.deepEqual(ids(volume('    Metadata:\n      cfn-lint:\n        config:\n          ignore_checks: [W9999]\n')), ['ebs-volume-encryption-enabled']);
  });

  it("checkov's Metadata skip and skip comment", () => {
    assert.deepEqual(ids(volume('    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_3\n            comment: test\n')), []);
    assert.deepEqual(ids(volume('    Metadata:\n      checkov:\n        skip:\n          - id: CKV_AWS_16\n')), ['ebs-volume-encryption-enabled']);
    assert.deepEqual(ids(volume('', '      Encrypted: false #checkov:skip=CKV_AWS_3:scratch\n')), []);
  });

  it('template-level Metadata applies to every resource', () => {
    const source = `Metadata:\n  pillar:\n    suppress:\n      - { rule: ebs-volume-encryption-enabled, reason: sandbox account }\n${volume()}`;
    assert.deepEqual(ids(source), []);
  });

  it('a suppression for one rule leaves the others', () => {
    const source = 'Resources:\n  Trail:\n    Type: AWS::CloudTrail::Trail\n    Metadata: { pillar: { suppress: [ { rule: cloudtrail-multi-region-enabled, reason: regional by design } ] } }\n    Properties: { IsLogging: true }\n';
    assert.deepEqual(ids(source), ['cloudtrail-cloudwatch-logs-enabled', 'cloudtrail-kms-encryption-enabled', 'cloudtrail-log-file-validation-enabled']);
  });

  it('JSON templates use Metadata', () => {
    const source = '{"Resources": {"V": {"Type": "AWS::EC2::Volume", "Metadata": {"pillar": {"suppress": [{"rule": "ebs-volume-encryption-enabled", "reason": "r"}]}}, "Properties": {}}}}';
    assert.deepEqual(ids(source, 't.json'), []);
  });
});
