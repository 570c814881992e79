import rule from '../../rules/infrastructure-protection/ec2-subnet-no-auto-assign-public-ip';
import { testRule } from '../helpers/rule-tester';

const subnet = (properties: string) => `Resources:\n  Public:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: 10.0.0.0/24\n${properties}`;

testRule(rule, {
  valid: [
    { name: 'not set', code: subnet('') },
    { name: 'false', code: subnet('      MapPublicIpOnLaunch: false\n') },
    { name: 'parameter without a default', code: `Parameters:\n  Map:\n    Type: String\n${subnet('      MapPublicIpOnLaunch: !Ref Map\n')}` },
    { name: 'JSON, false', file: 't.json', code: '{"Resources": {"Public": {"Type": "AWS::EC2::Subnet", "Properties": {"MapPublicIpOnLaunch": false}}}}' },
  ],
  invalid: [
    {
      name: 'true',
      code: subnet('      MapPublicIpOnLaunch: true\n'),
      findings: [{ range: '7:28-7:32', message: 'Public gives every instance launched in it a public IP address: MapPublicIpOnLaunch is true.' }],
      output: subnet('      MapPublicIpOnLaunch: false\n'),
    },
    {
      name: 'true on one branch',
      code: `Conditions:\n  IsPublic: !Equals [!Ref AWS::StackName, edge]\n${subnet('      MapPublicIpOnLaunch: !If [IsPublic, true, false]\n')}`,
      findings: [{ range: '9:28-9:55', message: /when condition IsPublic is true/ }],
      output: `Conditions:\n  IsPublic: !Equals [!Ref AWS::StackName, edge]\n${subnet('      MapPublicIpOnLaunch: !If [IsPublic, false, false]\n')}`,
    },
    {
      name: 'parameter default',
      code: `Parameters:\n  Map:\n    Type: String\n    Default: "true"\n${subnet('      MapPublicIpOnLaunch: !Ref Map\n')}`,
      findings: [{ range: '11:28-11:36', message: /from the default of parameter Map/ }],
      output: `Parameters:\n  Map:\n    Type: String\n    Default: "false"\n${subnet('      MapPublicIpOnLaunch: !Ref Map\n')}`,
    },
    {
      name: 'JSON, true',
      file: 't.json',
      code: '{"Resources": {"Public": {"Type": "AWS::EC2::Subnet", "Properties": {"MapPublicIpOnLaunch": true}}}}',
      findings: [{ range: '1:93-1:97' }],
      output: '{"Resources": {"Public": {"Type": "AWS::EC2::Subnet", "Properties": {"MapPublicIpOnLaunch": false}}}}',
    },
  ],
});
