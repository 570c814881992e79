import rule from '../../rules/detective-controls/log-group-retention-period';
import { testRule } from '../helpers/rule-tester';

const group = (properties: string) => `Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: audit\n${properties}`;
const days = (value: string) => group(`      RetentionInDays: ${value}\n`);

testRule(rule, {
  valid: [
    { name: 'a year', code: days('365') },
    { name: 'ten years, as a string', code: days('"3653"') },
    { name: 'no retention: kept forever, a cost question', code: group('') },
    { name: 'no properties at all', code: 'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n' },
    { name: 'from an import', code: days('!ImportValue log-retention') },
    { name: 'from a parameter without default', code: `Parameters:\n  Days:\n    Type: Number\n${days('!Ref Days')}` },
    { name: 'JSON, two years', file: 't.json', code: '{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 731}}}}' },
  ],
  invalid: [
    {
      name: 'two weeks: the fix writes a year',
      code: days('14'),
      findings: [{ range: '6:24-6:26', message: 'Logs deletes its logs before 365 days: RetentionInDays is 14.' }],
      output: days('365'),
    },
    {
      name: 'from a parameter default, allowed values kept valid',
      code: `Parameters:\n  Days:\n    Type: Number\n    Default: 30\n    AllowedValues: [7, 30, 365]\n${days('!Ref Days')}`,
      findings: [{ range: '11:24-11:33', message: 'Logs deletes its logs before 365 days: RetentionInDays is 30 (from the default of parameter Days).' }],
      output: `Parameters:\n  Days:\n    Type: Number\n    Default: 365\n    AllowedValues: [365]\n${days('!Ref Days')}`,
    },
    {
      name: 'short in one branch of !If',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${days('!If [IsProd, 731, 7]')}`,
      findings: [{ range: '8:24-8:44', message: 'Logs deletes its logs before 365 days: RetentionInDays is 7 (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${days('!If [IsProd, 731, 365]')}`,
    },
    {
      name: 'JSON, a month',
      file: 't.json',
      code: '{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": "30"}}}}',
      findings: [{ range: '1:90-1:94' }],
      output: '{"Resources": {"Logs": {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": "365"}}}}',
    },
  ],
});

// A minimum between accepted values: the fix writes the next value CloudWatch Logs accepts.
testRule(
  rule,
  {
    valid: [{ name: 'minimum 100: 120 days', code: days('120') }],
    invalid: [
      {
        name: 'minimum 100: 90 days becomes 120',
        code: days('90'),
        findings: [{ range: '6:24-6:26', message: 'Logs deletes its logs before 100 days: RetentionInDays is 90.' }],
        output: days('120'),
      },
    ],
  },
  { minimumDays: 100 },
);
