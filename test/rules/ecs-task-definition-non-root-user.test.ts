import rule from '../../rules/infrastructure-protection/ecs-task-definition-non-root-user';
import { testRule } from '../helpers/rule-tester';

const task = (containers: string, extra = '') => `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n${extra}      ContainerDefinitions:\n${containers}`;

testRule(rule, {
  valid: [
    { name: 'an unprivileged UID', code: task('        - Name: web\n          User: "1000"\n') },
    { name: 'a named user with the root group', code: task('        - Name: web\n          User: "app:0"\n') },
    { name: 'a UID that starts with 0 digits but is not 0', code: task('        - Name: web\n          User: "0100"\n') },
    { name: 'not set: the image decides, which the template cannot see', code: task('        - Name: web\n          Image: nginx\n') },
    { name: 'Windows containers take no Linux user', code: task('        - Name: web\n          User: root\n', '      RuntimePlatform:\n        OperatingSystemFamily: WINDOWS_SERVER_2022_CORE\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  User:\n    Type: String\n${task('        - Name: web\n          User: !Ref User\n')}` },
    { name: 'JSON, unprivileged', file: 't.json', code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "User": "nobody"}]}}}}' },
  ],
  invalid: [
    {
      name: 'root by name',
      code: task('        - Name: web\n          User: root\n'),
      findings: [{ range: '7:17-7:21', message: 'Task runs a container as root: ContainerDefinitions[0].User is "root".' }],
      output: null,
    },
    {
      name: 'UID 0 with a group',
      code: task('        - Name: web\n          User: "0:0"\n        - Name: sidecar\n          User: "root:wheel"\n'),
      findings: [{ range: '7:17-7:22' }, { range: '9:17-9:29' }],
      output: null,
    },
    {
      name: 'UID 0 as a number',
      code: task('        - Name: web\n          User: 0\n'),
      findings: [{ range: '7:17-7:18', message: 'Task runs a container as root: ContainerDefinitions[0].User is 0.' }],
      output: null,
    },
    {
      name: 'root from a parameter default',
      code: `Parameters:\n  User:\n    Type: String\n    Default: root\n${task('        - Name: web\n          User: !Ref User\n')}`,
      findings: [{ range: '11:17-11:26', message: 'Task runs a container as root: ContainerDefinitions[0].User is "root" (from the default of parameter User).' }],
      output: null,
    },
    {
      name: 'root on one branch of a condition',
      code: `Conditions:\n  IsDev: !Equals [!Ref AWS::StackName, dev]\n${task('        - Name: web\n          User: !If [IsDev, root, "1000"]\n')}`,
      findings: [{ range: '9:17-9:42', message: /when condition IsDev is true/ }],
      output: null,
    },
    {
      name: 'JSON, root',
      file: 't.json',
      code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "User": "root"}]}}}}',
      findings: [{ range: '1:125-1:131' }],
      output: null,
    },
  ],
});

testRule(
  rule,
  {
    valid: [
      { name: 'requireUser: a user is set', code: task('        - Name: web\n          User: "1000"\n') },
      { name: 'requireUser: Windows containers are left out', code: task('        - Name: web\n', '      RuntimePlatform:\n        OperatingSystemFamily: !Ref Os\n').replace('Resources:', 'Parameters:\n  Os:\n    Type: String\n    Default: WINDOWS_SERVER_2019_FULL\nResources:') },
    ],
    invalid: [
      {
        name: 'requireUser: a container without User',
        code: task('        - Name: web\n          Image: nginx\n        - Name: sidecar\n          User: "1000"\n'),
        findings: [{ range: '6:11-6:15', message: "Task may run a container as root: ContainerDefinitions[0].User is not set and defaults to the image's user, root unless the image sets one." }],
        output: null,
      },
    ],
  },
  { requireUser: true },
);
