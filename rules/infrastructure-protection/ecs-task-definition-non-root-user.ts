import type { Rule } from '../../server/src/engine/rule';
import { containerSetting, runsWindows, SECURE_TASK_DEFINITION } from '../lib/containers';
import { checkProperty } from '../lib/properties';
import { asText } from '../lib/values';

/** `root`, `0`, and either with a group: `root:root`, `0:1000`. */
const ROOT = /^\s*(root|0)\s*(:.*)?$/i;

const rule: Rule = {
  meta: {
    id: 'ecs-task-definition-non-root-user',
    area: 'infrastructure-protection',
    bestPractice: ['SEC06-BP02'],
    severity: 'warning',
    title: 'ECS containers should not run as root',
    rationale:
      'A process running as root inside a container is root on the host as far as the kernel is concerned, limited only by the container runtime: a kernel flaw, a mounted host path or a misconfigured capability then turns a compromise of the application into control of the container instance. Running as an unprivileged user takes that step away.',
    remediation:
      'Set `User` to an unprivileged user or UID (`"1000"`, `"app:app"`), created in the image with the files it needs. By default only containers that name root explicitly are reported, since a container without `User` runs as the image\'s own `USER`, which the template cannot see; set the `requireUser` option to report those too.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-containerdefinition.html#cfn-ecs-taskdefinition-containerdefinition-user',
      'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html',
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['ECS.20'], cis: [] },
    fixable: false,
    options: {
      requireUser: {
        type: 'boolean',
        default: false,
        description: 'Also report Linux containers that do not set User and so run as the image\'s user, root unless the image says otherwise.',
      },
    },
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
          User: root
          ReadonlyRootFilesystem: true
`,
      secure: SECURE_TASK_DEFINITION,
    },
  },
  resource(resource, context) {
    // Windows containers take no Linux user: ContainerAdministrator is another matter.
    if (runsWindows(resource, context)) return;
    checkProperty(resource, context, {
      path: containerSetting('User'),
      what: 'a non-root user',
      secure: (value) => !ROOT.test(asText(value) ?? ''),
      whenMissing: context.options.requireUser === true ? 'insecure' : 'secure',
      defaultText: "the image's user, root unless the image sets one",
      missingPhrase: 'may run a container as root',
      insecurePhrase: 'runs a container as root',
    });
  },
};

export default rule;
