import type { Resource, Template } from '../../server/src/engine/model';
import { asMap, getProperty, scalarString, type MapNode, type Node, type ScalarNode } from '../../server/src/engine/tree';

/** One event source of a SAM function: `Events: { GetItems: { Type: Api, Properties: { Path, Method, … } } }`. */
export interface SamEvent {
  readonly name: string;
  readonly key: ScalarNode;
  readonly properties: MapNode | undefined;
}

/** The function's events of one type (`Api`, `HttpApi`). */
export function samEvents(resource: Resource, type: string): SamEvent[] {
  const events = asMap(resource.properties?.byKey.get('Events')?.value);
  return (events?.pairs ?? [])
    .filter((pair) => scalarString(getProperty(pair.value, 'Type')) === type)
    .map((pair) => ({ name: String(pair.key.value), key: pair.key, properties: asMap(getProperty(pair.value, 'Properties')) }));
}

/** A setting of SAM's `Globals` section (`Globals.Api.Auth`), which applies to every resource of that kind that does not set it. */
export function samGlobal(template: Template | undefined, section: string, property: string): Node | undefined {
  return getProperty(getProperty(template?.root.byKey.get('Globals')?.value, section), property);
}
