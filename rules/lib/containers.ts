import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import { getProperty } from '../../server/src/engine/tree';
import { asText } from './values';

/** The path of a setting in every container definition of an ECS task definition: `ContainerDefinitions[*].Privileged`. */
export function containerSetting(key: string): string {
  return `ContainerDefinitions[*].${key}`;
}

/** Whether the task runs Windows containers (`RuntimePlatform.OperatingSystemFamily: WINDOWS_SERVER_2022_CORE`), on any branch. */
export function runsWindows(resource: Resource, context: RuleContext): boolean {
  const family = getProperty(getProperty(resource.properties, 'RuntimePlatform'), 'OperatingSystemFamily');
  return family !== undefined && context.evaluator.candidates(family).some((candidate) => /^WINDOWS/i.test(asText(candidate.value) ?? ''));
}

/** A task definition that satisfies every container rule, for the rules' secure examples. */
export const SECURE_TASK_DEFINITION = `Resources:
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
          ReadonlyRootFilesystem: true
          PortMappings: [{ ContainerPort: 8080 }]
`;
