import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../rules/infrastructure-protection/dms-replication-instance-not-publicly-accessible';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const instance = (properties: string) => `Resources:\n  Replication:\n    Type: AWS::DMS::ReplicationInstance\n    Properties:\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'private', code: instance('      ReplicationInstanceClass: dms.t3.medium\n      PubliclyAccessible: false\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Public:\n    Type: String\n${instance('      PubliclyAccessible: !Ref Public\n')}` },
    { name: 'JSON, private', file: 't.json', code: '{"Resources": {"Replication": {"Type": "AWS::DMS::ReplicationInstance", "Properties": {"PubliclyAccessible": false}}}}' },
  ],
  invalid: [
    {
      name: 'not set: DMS makes replication instances public by default',
      code: instance('      ReplicationInstanceClass: dms.t3.medium\n'),
      findings: [{ range: '4:5-4:15', message: 'Replication can be reached from the internet: PubliclyAccessible is not set and defaults to true.' }],
      output: instance('      ReplicationInstanceClass: dms.t3.medium\n      PubliclyAccessible: false\n'),
    },
    {
      name: 'no Properties at all',
      code: 'Resources:\n  Replication:\n    Type: AWS::DMS::ReplicationInstance\n',
      findings: [{ range: '2:3-2:14' }],
      output: instance('      PubliclyAccessible: false\n'),
    },
    {
      name: 'public',
      code: instance('      PubliclyAccessible: true\n'),
      findings: [{ range: '5:27-5:31', message: 'Replication can be reached from the internet: PubliclyAccessible is true.' }],
      output: instance('      PubliclyAccessible: false\n'),
    },
    {
      name: 'removed with AWS::NoValue on one branch: the default applies there',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${instance('      PubliclyAccessible: !If [IsDev, !Ref AWS::NoValue, false]\n')}`,
      findings: [{ range: '7:27-7:64', message: 'Replication can be reached from the internet: PubliclyAccessible is not set (when condition IsDev is true).' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${instance('      PubliclyAccessible: !If [IsDev, false, false]\n')}`,
    },
    {
      name: 'parameter defaulting to true',
      code: `Parameters:\n  Public:\n    Type: String\n    Default: "true"\n${instance('      PubliclyAccessible: !Ref Public\n')}`,
      findings: [{ range: '9:27-9:38' }],
      output: `Parameters:\n  Public:\n    Type: String\n    Default: "false"\n${instance('      PubliclyAccessible: !Ref Public\n')}`,
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Replication": {\n      "Type": "AWS::DMS::ReplicationInstance",\n      "Properties": {\n        "ReplicationInstanceClass": "dms.t3.medium"\n      }\n    }\n  }\n}\n',
      findings: [{ range: '5:7-5:19' }],
      output: '{\n  "Resources": {\n    "Replication": {\n      "Type": "AWS::DMS::ReplicationInstance",\n      "Properties": {\n        "ReplicationInstanceClass": "dms.t3.medium",\n        "PubliclyAccessible": false\n      }\n    }\n  }\n}\n',
    },
  ],
});

it('dms-replication-instance-not-publicly-accessible: its fix says it replaces the instance, so fix-all leaves it to the user', () => {
  const findings = analyze(instance('      PubliclyAccessible: true\n')).findings.filter((finding) => finding.ruleId === rule.meta.id);
  assert.deepEqual(findings.flatMap((finding) => finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces])), [['Set PubliclyAccessible to false (replaces the resource)', false, true]]);
});
