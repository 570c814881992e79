import rule from '../../rules/infrastructure-protection/ecs-task-definition-no-host-network';
import { testRule } from '../helpers/rule-tester';

const task = (mode: string) => `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: ${mode}\n      ContainerDefinitions:\n        - Name: web\n`;

testRule(rule, {
  valid: [
    { name: 'awsvpc', code: task('awsvpc') },
    { name: 'bridge', code: task('bridge') },
    { name: 'not set: bridge on Linux', code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: web\n' },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Mode:\n    Type: String\n${task('!Ref Mode')}` },
    { name: 'JSON, awsvpc', file: 't.json', code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"NetworkMode": "awsvpc"}}}}' },
  ],
  invalid: [
    {
      name: 'host network',
      code: task('host'),
      findings: [{ range: '5:20-5:24', message: 'Task shares the network of its host: NetworkMode is "host".' }],
      output: null,
    },
    {
      name: 'host network from a parameter default',
      code: `Parameters:\n  Mode:\n    Type: String\n    Default: host\n    AllowedValues: [host, awsvpc]\n${task('!Ref Mode')}`,
      findings: [{ range: '10:20-10:29', message: 'Task shares the network of its host: NetworkMode is "host" (from the default of parameter Mode).' }],
      output: null,
    },
    {
      name: 'host network on one branch of a condition',
      code: `Conditions:\n  OnEc2: !Equals [!Ref AWS::StackName, ec2]\n${task('!If [OnEc2, host, awsvpc]')}`,
      findings: [{ range: '7:20-7:45', message: /when condition OnEc2 is true/ }],
      output: null,
    },
    {
      name: 'JSON, host network',
      file: 't.json',
      code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"NetworkMode": "host"}}}}',
      findings: [{ range: '1:91-1:97' }],
      output: null,
    },
  ],
});
