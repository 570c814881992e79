import rule from '../../rules/infrastructure-protection/ecs-task-definition-no-privileged-containers';
import { testRule } from '../helpers/rule-tester';

const task = (containers: string) => `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n${containers}`;

testRule(rule, {
  valid: [
    { name: 'not privileged', code: task('        - Name: web\n          Image: nginx\n          Privileged: false\n') },
    { name: 'not set: unprivileged by default', code: task('        - Name: web\n          Image: nginx\n') },
    { name: 'capabilities added one by one are another matter', code: task('        - Name: web\n          LinuxParameters:\n            Capabilities:\n              Add: [NET_ADMIN]\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  Privileged:\n    Type: String\n${task('        - Name: web\n          Privileged: !Ref Privileged\n')}` },
    { name: 'no container definitions', code: 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: web\n' },
    { name: 'JSON, not privileged', file: 't.json', code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "Privileged": false}]}}}}' },
  ],
  invalid: [
    {
      name: 'a privileged container among others',
      code: task('        - Name: web\n          Image: nginx\n        - Name: agent\n          Image: agent\n          Privileged: true\n'),
      findings: [{ range: '10:23-10:27', message: 'Task runs a privileged container: ContainerDefinitions[1].Privileged is true.' }],
      output: task('        - Name: web\n          Image: nginx\n        - Name: agent\n          Image: agent\n          Privileged: false\n'),
    },
    {
      name: 'privileged as a string',
      code: task('        - Name: agent\n          Privileged: "true"\n'),
      findings: [{ range: '7:23-7:29' }],
      output: task('        - Name: agent\n          Privileged: "false"\n'),
    },
    {
      name: 'privileged on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${task('        - Name: agent\n          Privileged: !If [IsDev, true, false]\n')}`,
      findings: [{ range: '9:23-9:47', message: 'Task runs a privileged container: ContainerDefinitions[0].Privileged is true (when condition IsDev is true).' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${task('        - Name: agent\n          Privileged: !If [IsDev, false, false]\n')}`,
    },
    {
      name: 'a container added on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${task('        - !If\n          - IsDev\n          - Name: debug\n            Privileged: true\n          - !Ref AWS::NoValue\n')}`,
      findings: [{ range: '11:25-11:29', message: 'Task runs a privileged container: ContainerDefinitions[0].Privileged is true (when condition IsDev is true).' }],
      output: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${task('        - !If\n          - IsDev\n          - Name: debug\n            Privileged: false\n          - !Ref AWS::NoValue\n')}`,
    },
    {
      name: 'parameter defaulting to true',
      code: `Parameters:\n  Privileged:\n    Type: String\n    Default: "true"\n${task('        - Name: agent\n          Privileged: !Ref Privileged\n')}`,
      findings: [{ range: '11:23-11:38', message: /from the default of parameter Privileged/ }],
      output: `Parameters:\n  Privileged:\n    Type: String\n    Default: "false"\n${task('        - Name: agent\n          Privileged: !Ref Privileged\n')}`,
    },
    {
      name: 'JSON, privileged',
      file: 't.json',
      code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "agent", "Privileged": true}]}}}}',
      findings: [{ range: '1:133-1:137' }],
      output: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "agent", "Privileged": false}]}}}}',
    },
  ],
});
