import { SECURE_TASK_DEFINITION } from '../lib/containers';
import { propertyRule } from '../lib/properties';
import { asText } from '../lib/values';

export default propertyRule(
  {
    id: 'ecs-task-definition-no-host-network',
    area: 'infrastructure-protection',
    bestPractice: ['SEC05-BP02', 'SEC06-BP02'],
    severity: 'warning',
    title: 'ECS tasks should not use the host network mode',
    rationale:
      'With `NetworkMode: host` the containers share the network stack of the container instance: they can bind any port of the host, see its interfaces and traffic, and reach the instance metadata service and everything listening on localhost, while no security group of their own separates them from other tasks. A compromised container is then on the host network.',
    remediation:
      'Use `NetworkMode: awsvpc`, which gives each task its own elastic network interface and security groups (the only mode on Fargate), or `bridge` on EC2 instances. Changing the network mode creates a new revision of the task definition; services using it need their port mappings and, for awsvpc, a network configuration with subnets and security groups.',
    docs: [
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-taskdefinition.html#cfn-ecs-taskdefinition-networkmode',
      'https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/networking-networkmode.html',
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    equivalents: { checkov: [], cfnNag: [], cfnLint: [], kics: [], securityHub: ['ECS.17'], cis: [] },
    fixable: false,
    examples: {
      insecure: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [EC2]
      NetworkMode: host
      ContainerDefinitions:
        - Name: web
          Image: public.ecr.aws/nginx/nginx:1.27
          Memory: 256
          User: "101:101"
          ReadonlyRootFilesystem: true
`,
      secure: SECURE_TASK_DEFINITION,
    },
  },
  [
    {
      path: 'NetworkMode',
      what: 'network isolation',
      secure: (value) => asText(value)?.toLowerCase() !== 'host',
      whenMissing: 'secure',
      insecurePhrase: 'shares the network of its host',
    },
  ],
);
