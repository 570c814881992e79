import type { RuleMeta, Span } from '../api';
import type { Template } from '../model';
import { CfnSchema } from './schema';

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
