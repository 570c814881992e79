import type { Resource } from '../../server/src/engine/model';
import type { RuleContext } from '../../server/src/engine/rule';
import { conditionalBranches, scalarString, type Node } from '../../server/src/engine/tree';
import { propertiesAt } from './properties';

/** One environment variable a resource sets: `DB_HOST: db.internal` in a map, or `{ Name: DB_HOST, Value: … }` in a list. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: Node;
  /** As the user reads it: `Environment.Variables.DB_HOST`, `ContainerDefinitions[0].Environment DB_HOST`. */
  readonly label: string;
}

/** Where each resource type keeps environment variables: maps of name to value, or lists of Name/Value items. */
const PLACES: Readonly<Record<string, readonly { readonly path: string; readonly shape: 'map' | 'list' }[]>> = {
  'AWS::Lambda::Function': [{ path: 'Environment.Variables', shape: 'map' }],
  'AWS::Serverless::Function': [{ path: 'Environment.Variables', shape: 'map' }],
  'AWS::ECS::TaskDefinition': [{ path: 'ContainerDefinitions[].Environment', shape: 'list' }],
  'AWS::Batch::JobDefinition': [
    { path: 'ContainerProperties.Environment', shape: 'list' },
    { path: 'NodeProperties.NodeRangeProperties[].Container.Environment', shape: 'list' },
    { path: 'EcsProperties.TaskProperties[].Containers[].Environment', shape: 'list' },
    { path: 'EksProperties.PodProperties.Containers[].Env', shape: 'list' },
  ],
  'AWS::CodeBuild::Project': [{ path: 'Environment.EnvironmentVariables', shape: 'list' }],
};

export const ENVIRONMENT_TYPES: readonly string[] = Object.keys(PLACES);

/**
 * The environment variables a resource sets in plain text, in every `!If` branch. CodeBuild
 * variables of type PARAMETER_STORE or SECRETS_MANAGER hold the name of a secret, not its value,
 * and are left out.
 */
export function environmentVariables(resource: Resource, context: RuleContext): EnvironmentVariable[] {
  const variables: EnvironmentVariable[] = [];
  for (const place of PLACES[resource.type] ?? []) {
    for (const at of propertiesAt(resource, place.path, context)) {
      if (at.pair) variables.push(...(place.shape === 'map' ? variablesOfMap(at.pair.value, at.label) : variablesOfList(at.pair.value, at.label)));
    }
  }
  return variables;
}

/** `{ NAME: value, … }`, in every branch. */
export function variablesOfMap(node: Node, label: string): EnvironmentVariable[] {
  return conditionalBranches(node).flatMap((branch) =>
    branch.kind === 'map' ? branch.pairs.map((pair) => ({ name: String(pair.key.value), value: pair.value, label: `${label}.${String(pair.key.value)}` })) : [],
  );
}

function variablesOfList(node: Node, label: string): EnvironmentVariable[] {
  const variables: EnvironmentVariable[] = [];
  for (const branch of conditionalBranches(node)) {
    if (branch.kind !== 'seq') continue;
    for (const item of branch.items.flatMap(conditionalBranches)) {
      if (item.kind !== 'map') continue;
      const name = scalarString(item.byKey.get('Name')?.value);
      const value = item.byKey.get('Value')?.value;
      const type = scalarString(item.byKey.get('Type')?.value);
      if (name === undefined || !value || (type !== undefined && type.toUpperCase() !== 'PLAINTEXT')) continue;
      variables.push({ name, value, label: `${label} ${name}` });
    }
  }
  return variables;
}
