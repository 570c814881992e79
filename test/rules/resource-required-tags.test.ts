import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/incident-response/resource-required-tags';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const topic = (tags: string) => `Resources:\n  Events:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: events\n${tags}`;
const both = '      Tags:\n        - Key: owner\n          Value: payments\n        - Key: contact\n          Value: oncall@example.com\n';

testRule(
  rule,
  {
    valid: [
      { name: 'both tags', code: topic(both) },
      { name: 'a type that takes no tags', code: 'Resources:\n  Policy:\n    Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [t]\n' },
      { name: 'a custom resource', code: 'Resources:\n  Thing:\n    Type: Custom::Thing\n    Properties:\n      ServiceToken: arn\n' },
      { name: 'tags given by an intrinsic', code: topic('      Tags: !Ref AWS::NotificationARNs\n') },
      { name: 'a map of tags on a SAM function, one of them from Globals', code: 'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Tags:\n      owner: payments\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Tags:\n        contact: oncall@example.com\n' },
      { name: 'an EFS file system tags itself with FileSystemTags', code: 'Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      FileSystemTags:\n        - { Key: owner, Value: data }\n        - { Key: contact, Value: data-oncall }\n' },
      { name: 'tags in both branches of !If', code: topic('      Tags:\n        - Key: owner\n          Value: payments\n        - !If [Prod, { Key: contact, Value: oncall }, { Key: contact, Value: dev-team }]\n') },
    ],
    invalid: [
      {
        name: 'no tags',
        code: topic(''),
        findings: [{ range: '4:5-4:15', message: 'Events lacks the required tags owner, contact (it has no Tags).' }],
        output: null,
      },
      {
        name: 'one tag missing, another empty',
        code: topic('      Tags:\n        - Key: owner\n          Value: ""\n        - Key: team\n          Value: payments\n'),
        findings: [{ range: '6:7-6:11', message: 'Events lacks the required tags owner, contact.' }],
        output: null,
      },
      {
        name: 'an Auto Scaling group and a map-tagged SSM parameter, JSON',
        file: 't.json',
        code: '{"Resources": {"Group": {"Type": "AWS::AutoScaling::AutoScalingGroup", "Properties": {"Tags": [{"Key": "owner", "Value": "web", "PropagateAtLaunch": true}]}}, "Param": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": "x", "Tags": {"contact": "web-oncall"}}}}}',
        findings: [{ range: '1:87-1:93', message: 'Group lacks the required tag contact.' }, { range: '1:248-1:254', message: 'Param lacks the required tag owner.' }],
        output: null,
      },
    ],
  },
  { tags: ['owner', 'contact'] },
);

it('resource-required-tags is off until configured, and does nothing without tag keys', () => {
  const text = topic('');
  assert.deepEqual(analyze(text).findings.filter((f) => f.ruleId === rule.meta.id), []);
  assert.deepEqual(analyze(text, 't.yaml', { rules: { [rule.meta.id]: 'warning' } }).findings.filter((f) => f.ruleId === rule.meta.id), []);
  assert.equal(analyze(text, 't.yaml', { rules: { [rule.meta.id]: { tags: ['owner'] } } }).findings.filter((f) => f.ruleId === rule.meta.id).length, 1);
});
