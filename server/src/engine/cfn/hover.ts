import type { RuleMeta, Span } from '../api';
import type { Template } from '../model';
import type { Node, Pair } from '../tree';
import { CfnSchema, type CfnShape, type CfnValueType } from './schema';

export interface TemplateHover {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * Hover over a resource's type (`Type: AWS::S3::Bucket`): what the type is, its reference page,
 * and the Pillar rules that check it, from their metadata.
 */
export function resourceTypeHover(template: Template, offset: number, schema: CfnSchema, metas: readonly RuleMeta[]): TemplateHover | undefined {
  const resource = template.resources.find((r) => r.typeNode && r.typeNode.kind === 'scalar' && r.typeNode.span.start <= offset && offset <= r.typeNode.span.end);
  if (!resource?.typeNode) return undefined;
  const type = resource.type;
  const shape = schema.resource(type);
  const rules = metas.filter((meta) => meta.resourceTypes.includes(type));
  if (!shape && rules.length === 0) return undefined;
  const sections = [`**${type}**`];
  if (shape) sections.push(shape.documentation, `[CloudFormation reference](${CfnSchema.docUrl(type)})`);
  if (rules.length > 0) {
    const lines = rules
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id))
      .map((meta) => `- \`${meta.id}\` · ${meta.severity}${meta.enabledByDefault === false ? ' (off until configured)' : ''}: ${meta.title}`);
    sections.push(`**Pillar rules for this type** (${rules.length}):\n\n${lines.join('\n')}`);
  } else sections.push('No Pillar rule checks this type (beyond the checks every resource gets).');
  return { markdown: sections.join('\n\n'), span: resource.typeNode.span };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Hover over a property's name: its type, whether it is required, its allowed values, documentation and reference. */
export function propertyHover(template: Template, offset: number, schema: CfnSchema): TemplateHover | undefined {
  const resource = template.resources.find((r) => r.properties && r.properties.span.start <= offset && offset <= r.properties.span.end);
  if (!resource?.properties) return undefined;
  let shape: CfnShape | undefined = schema.resource(resource.type);
  let node: Node = resource.properties;
  while (shape) {
    while (node.kind === 'seq') {
      const item: Node | undefined = node.items.find((i) => i.span.start <= offset && offset <= i.span.end);
      if (!item) return undefined;
      node = item;
    }
    if (node.kind !== 'map') return undefined;
    const pair: Pair | undefined = node.pairs.find((p) => p.key.span.start <= offset && offset <= Math.max(p.key.span.end, p.value.span.end));
    if (!pair) return undefined;
    const property = shape.property(String(pair.key.value));
    if (!property) return undefined;
    if (pair.key.span.start <= offset && offset <= pair.key.span.end) {
      const url = CfnSchema.docUrl(resource.type, shape.name.includes('::') ? undefined : shape.name, property.name);
      const sections = [
        `**${property.name}** · ${typeText(property.type)}${property.required ? ' · required' : ''}`,
        property.documentation,
        ...(property.allowedValues.length ? [`Allowed values: ${property.allowedValues.map((v) => `\`${v}\``).join(', ')}.`] : []),
        `[CloudFormation reference](${url})`,
      ];
      return { markdown: sections.filter(Boolean).join('\n\n'), span: pair.key.span };
    }
    let type: CfnValueType = property.type;
    while (type.kind === 'list') type = type.element;
    shape = type.kind === 'object' ? type.shape : undefined;
    node = pair.value;
  }
  return undefined;
}

function typeText(type: CfnValueType): string {
  if (type.kind === 'primitive') return type.name;
  if (type.kind === 'object') return type.shape.name;
  return `${type.kind === 'list' ? 'List' : 'Map'} of ${typeText(type.element)}`;
}
