import { containerSetting, SECURE_TASK_DEFINITION } from '../lib/containers';
import { mustNotBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ecs-task-definition-no-privileged-containers',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP02'],
    severity: 'error',
    title: 'ECS containers must not run privileged',
    rationale:
      'A privileged container runs with every Linux capability and the devices of the host: it can load kernel modules, mount the host file system and escape into the container instance, and from there reach every other task on it and the instance role. A flaw in the application becomes a compromise of the host.',
    remediation:
      'Remove `Privileged: true` (or set it to false). Grant only the capabilities the container needs with `LinuxParameters.Capabilities.Add` (and drop the rest with `Drop: [ALL]`), and map single devices with `LinuxParameters.Devices`. Workloads that need a Docker daemon (image builds) can use rootless builders such as Kaniko or BuildKit, or AWS CodeBuild. Fargate does not run privileged containers at all.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-containerdefinition.html#cfn-ecs-taskdefinition-containerdefinition-privileged',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['ECS.4'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: agent
          Image: public.ecr.aws/example/agent:1.0
          Memory: 256
          User: "1000"
          ReadonlyRootFilesystem: true
          Privileged: true
`,
      secure: SECURE_TASK_DEFINITION,
    },
  },
  // Not preferred: a container that asks for privileges may fail without them.
  [{ ...mustNotBeTrue(containerSetting('Privileged'), 'privileged mode', { value: false, preferred: false }), insecurePhrase: 'runs a privileged container' }],
);
