import rule from '../../rules/infrastructure-protection/ecs-task-definition-read-only-root-filesystem';
import { testRule } from '../helpers/rule-tester';

const task = (containers: string) => `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n${containers}`;

testRule(rule, {
  valid: [
    { name: 'read-only', code: task('        - Name: web\n          ReadonlyRootFilesystem: true\n') },
    { name: 'parameter without a default is unknown', code: `Parameters:\n  ReadOnly:\n    Type: String\n${task('        - Name: web\n          ReadonlyRootFilesystem: !Ref ReadOnly\n')}` },
    { name: 'JSON, read-only', file: 't.json', code: '{"Resources": {"Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "web", "ReadonlyRootFilesystem": "true"}]}}}}' },
  ],
  invalid: [
    {
      name: 'not set',
      code: task('        - Name: web\n          Image: nginx\n'),
      findings: [{ range: '6:11-6:15', message: 'Task lets a container write to its root file system: ContainerDefinitions[0].ReadonlyRootFilesystem is not set and defaults to false.' }],
      output: task('        - Name: web\n          Image: nginx\n          ReadonlyRootFilesystem: true\n'),
    },
    {
      name: 'turned off',
      code: task('        - Name: web\n          ReadonlyRootFilesystem: false\n'),
      findings: [{ range: '7:35-7:40', message: 'Task lets a container write to its root file system: ContainerDefinitions[0].ReadonlyRootFilesystem is false.' }],
      output: task('        - Name: web\n          ReadonlyRootFilesystem: true\n'),
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  ReadOnly:\n    Type: String\n    Default: "false"\n${task('        - Name: web\n          ReadonlyRootFilesystem: !Ref ReadOnly\n')}`,
      findings: [{ range: '11:35-11:48' }],
      output: `Parameters:\n  ReadOnly:\n    Type: String\n    Default: "true"\n${task('        - Name: web\n          ReadonlyRootFilesystem: !Ref ReadOnly\n')}`,
    },
    {
      name: 'JSON, not set',
      file: 't.json',
      code: '{\n  "Resources": {\n    "Task": {\n      "Type": "AWS::ECS::TaskDefinition",\n      "Properties": {\n        "ContainerDefinitions": [\n          {"Name": "web", "Image": "nginx"}\n        ]\n      }\n    }\n  }\n}\n',
      findings: [{ range: '7:12-7:18' }],
      output: '{\n  "Resources": {\n    "Task": {\n      "Type": "AWS::ECS::TaskDefinition",\n      "Properties": {\n        "ContainerDefinitions": [\n          {"Name": "web", "Image": "nginx", "ReadonlyRootFilesystem": true}\n        ]\n      }\n    }\n  }\n}\n',
    },
  ],
});
