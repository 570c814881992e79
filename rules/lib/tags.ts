import { TAGGABLE_TYPES } from './generated/cloudformation-spec';

/** Where a resource type takes tags: the property, and its shape (a Key/Value list, a map, or an Auto Scaling list). */
export interface TagProperty {
  readonly property: string;
  readonly shape: 'standard' | 'map' | 'asg';
}

let byType: Map<string, TagProperty> | undefined;

/** How a type takes tags, from the resource specification; undefined for types that take none. */
export function tagPropertyOf(type: string): TagProperty | undefined {
  if (!byType) {
    byType = new Map();
    for (const [key, types] of Object.entries(TAGGABLE_TYPES)) {
      const [property, shape] = key.split(' ') as [string, TagProperty['shape']];
      // Names were written without `AWS::`; others (`Alexa::ASK::Skill`) keep their vendor.
      for (const name of types.split(' ')) byType.set(name.split('::').length === 3 ? name : `AWS::${name}`, { property, shape });
    }
  }
  return byType.get(type);
}
