import rule from '../../rules/infrastructure-protection/sagemaker-notebook-no-direct-internet';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { analyze } from '../helpers/analyze';
import { testRule } from '../helpers/rule-tester';

const notebook = (properties: string) => `Resources:\n  Notebook:\n    Type: AWS::SageMaker::NotebookInstance\n    Properties:\n      InstanceType: ml.t3.medium\n${properties}`;
const domain = (properties: string) => `Resources:\n  Studio:\n    Type: AWS::SageMaker::Domain\n    Properties:\n      DomainName: studio\n      AuthMode: IAM\n      VpcId: !Ref Vpc\n      SubnetIds: [!Ref Subnet]\n${properties}`;
const subnet = '      SubnetId: !Ref Subnet\n      SecurityGroupIds: [!Ref Group]\n';

testRule(rule, {
  valid: [
    { name: 'disabled', code: notebook(`${subnet}      DirectInternetAccess: Disabled\n`) },
    { name: 'Studio domain, VPC only', code: domain('      AppNetworkAccessType: VpcOnly\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Access:\n    Type: String\n${notebook(`${subnet}      DirectInternetAccess: !Ref Access\n`)}` },
    { name: 'JSON, disabled', file: 't.json', code: '{"Resources": {"Notebook": {"Type": "AWS::SageMaker::NotebookInstance", "Properties": {"SubnetId": "subnet-1", "DirectInternetAccess": "Disabled"}}}}' },
  ],
  invalid: [
    {
      name: 'Studio domain with public internet access by default',
      code: domain(''),
      findings: [{ range: '4:5-4:15', message: 'Studio gives its apps direct internet access outside your VPC: AppNetworkAccessType is not set and defaults to PublicInternetOnly.' }],
      output: domain('      AppNetworkAccessType: VpcOnly\n'),
    },
    {
      name: 'Studio domain with public internet access',
      code: domain('      AppNetworkAccessType: PublicInternetOnly\n'),
      findings: [{ range: '9:29-9:47' }],
      output: domain('      AppNetworkAccessType: VpcOnly\n'),
    },
    {
      name: 'not set, no subnet: no fix',
      code: notebook(''),
      findings: [{ range: '4:5-4:15', message: 'Notebook has direct internet access outside your VPC: DirectInternetAccess is not set and defaults to Enabled.' }],
      output: null,
    },
    {
      name: 'not set, in a subnet: the fix replaces the notebook',
      code: notebook(subnet),
      findings: [{ range: '4:5-4:15' }],
      output: notebook(`${subnet}      DirectInternetAccess: Disabled\n`),
    },
    {
      name: 'enabled',
      code: notebook(`${subnet}      DirectInternetAccess: Enabled\n`),
      findings: [{ range: '8:29-8:36', message: 'Notebook has direct internet access outside your VPC: DirectInternetAccess is "Enabled".' }],
      output: notebook(`${subnet}      DirectInternetAccess: Disabled\n`),
    },
    {
      name: 'enabled on one branch',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${notebook(`${subnet}      DirectInternetAccess: !If [IsDev, Enabled, Disabled]\n`)}`,
      findings: [{ range: '10:29-10:59', message: /when condition IsDev is true/ }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${notebook(`${subnet}      DirectInternetAccess: !If [IsDev, Disabled, Disabled]\n`)}`,
    },
    {
      name: 'parameter default',
      code: `Parameters:\n  Access:\n    Type: String\n    Default: Enabled\n${notebook(`${subnet}      DirectInternetAccess: !Ref Access\n`)}`,
      findings: [{ range: '12:29-12:40', message: /from the default of parameter Access/ }],
      output: `Parameters:\n  Access:\n    Type: String\n    Default: Disabled\n${notebook(`${subnet}      DirectInternetAccess: !Ref Access\n`)}`,
    },
    {
      name: 'JSON, enabled without a subnet',
      file: 't.json',
      code: '{"Resources": {"Notebook": {"Type": "AWS::SageMaker::NotebookInstance", "Properties": {"DirectInternetAccess": "Enabled"}}}}',
      findings: [{ range: '1:112-1:121' }],
      output: null,
    },
  ],
});

it('sagemaker-notebook-no-direct-internet: its fix says it replaces the notebook instance', () => {
  const findings = analyze(notebook(`${subnet}      DirectInternetAccess: Enabled\n`)).findings.filter((finding) => finding.ruleId === rule.meta.id);
  assert.deepEqual(findings.flatMap((finding) => finding.fixes.map((fix) => [fix.title, fix.preferred, fix.replaces])), [['Set DirectInternetAccess to Disabled (replaces the resource)', false, true]]);
});
