import type { Template } from '../../server/src/engine/model';
import type { Change } from '../../server/src/engine/rule';
import { asMap } from '../../server/src/engine/tree';

/** The sections a new Parameters section goes before, in the order CloudFormation's docs write them. */
const AFTER_PARAMETERS = ['Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs'];

/** A change that declares a parameter, creating the Parameters section where a careful author would put it. */
export function addParameter(template: Template, name: string, definition: Readonly<Record<string, unknown>>): Change {
  const parameters = asMap(template.root.byKey.get('Parameters')?.value);
  if (parameters) return { kind: 'set', map: parameters, key: name, value: definition };
  return { kind: 'set', map: template.root, key: 'Parameters', value: { [name]: definition }, before: AFTER_PARAMETERS };
}

/** `base`, or `base2`, `base3`… : the first name no parameter, resource, mapping or condition uses. */
export function unusedParameterName(template: Template, base: string): string {
  const taken = (name: string) => template.parameters.has(name) || template.resourcesById.has(name) || template.conditions.has(name);
  if (!taken(base)) return base;
  let index = 2;
  while (taken(`${base}${index}`)) index++;
  return `${base}${index}`;
}
