import { containerSetting, SECURE_TASK_DEFINITION } from '../lib/containers';
import { mustBeTrue, propertyRule } from '../lib/properties';

export default propertyRule(
  {
    id: 'ecs-task-definition-read-only-root-filesystem',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP02'],
    severity: 'info',
    title: 'ECS containers should mount their root file system read-only',
    rationale:
      'A container whose root file system is writable lets an intruder change its binaries and libraries, drop tools and persist across restarts of the process. A read-only root file system keeps the container as the image built it, so that any change must come through a new image.',
    remediation:
      'Set `ReadonlyRootFilesystem: true` and give the application the writable places it needs as volumes: a bind mount or ephemeral volume for `/tmp` and caches, EFS for shared state. Test first: applications that write to their own directories fail at run time when the root file system is read-only.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-containerdefinition.html#cfn-ecs-taskdefinition-containerdefinition-readonlyrootfilesystem',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['ECS.5'], cis: [] },
    fixable: true,
    examples: {
      insecure: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: web
          Image: public.ecr.aws/nginx/nginx:1.27
          User: "101:101"
`,
      secure: SECURE_TASK_DEFINITION,
    },
  },
  // Not preferred: an application that writes to its own directories fails on a read-only root.
  [{ ...mustBeTrue(containerSetting('ReadonlyRootFilesystem'), 'a read-only root file system', { value: true, preferred: false }), missingPhrase: 'lets a container write to its root file system', insecurePhrase: 'lets a container write to its root file system' }],
);
