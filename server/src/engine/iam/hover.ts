import type { Span } from '../api';
import type { Model } from '../model';
import type { Template } from '../model';
import { ACCESS_LEVELS, type IamAction, type IamCatalog } from './catalog';
import { resolveArnText } from './cloudformation-arns';
import { locatePolicyPlace } from './locate';
import { hasWildcard } from './patterns';
import { SAM_POLICY_TEMPLATES } from './sam-policy-templates';
import { baseOperator } from './statement';

export interface IamHover {
  readonly markdown: string;
  readonly span: Span;
}

/** What each condition operator family compares, for hovers. */
const OPERATOR_MEANINGS: readonly [RegExp, string][] = [
  [/^String(Not)?EqualsIgnoreCase$/, 'compares strings, ignoring case'],
  [/^String(Not)?Like$/, 'compares strings with `*` and `?` wildcards'],
  [/^String/, 'compares strings exactly (case-sensitive)'],
  [/^Numeric/, 'compares numbers'],
  [/^Date/, 'compares dates (ISO 8601 or epoch seconds)'],
  [/^Bool$/, 'compares a boolean (`true` or `false`)'],
  [/^BinaryEquals$/, 'compares base64-encoded binary values'],
  [/IpAddress$/, 'compares an IP address with addresses or CIDR ranges'],
  [/^Arn/, 'compares ARNs, field by field (`Like`: with wildcards)'],
  [/^Null$/, 'checks whether the key is absent (`true`) or present (`false`)'],
];

/** Hover for IAM policy content at `offset`: an action, a wildcard, a condition operator or key, an ARN, a SAM policy template. */
export function iamHover(model: Model | undefined, offset: number, catalog: IamCatalog): IamHover | undefined {
  const place = locatePolicyPlace(model, offset);
  if (!place || !catalog.available) return undefined;
  const text = place.node.value === null ? '' : String(place.node.value);
  const span = place.node.span;
  switch (place.element) {
    case 'action':
    case 'notAction': {
      if (!text) return undefined;
      const actions = catalog.match(text);
      if (hasWildcard(text)) return { markdown: wildcardMarkdown(text, actions), span };
      return actions[0] ? { markdown: actionMarkdown(actions[0]), span } : undefined;
    }
    case 'resource':
    case 'notResource': {
      if (!text.startsWith('arn:') && !text.startsWith('${')) return undefined;
      const template = model?.kind === 'template' ? (model as Template) : undefined;
      const arn = resolveArnText(text, (id) => template?.resourcesById.get(id)?.type);
      const types = catalog.resourceTypesOfArn(arn);
      if (types.length === 0) return undefined;
      const lines = types.map((type) => `- **${type.service.name}** \`${type.name}\`: \`${type.arnFormat}\``);
      return { markdown: [`**${text}** is ${types.length === 1 ? 'a resource of type' : 'one of these resource types'}:`, ...lines].join('\n\n'), span };
    }
    case 'conditionOperator': {
      const base = baseOperator(text);
      const meaning = OPERATOR_MEANINGS.find(([pattern]) => pattern.test(base))?.[1];
      if (!meaning) return undefined;
      const notes = [
        /^ForAllValues:/.test(text) ? 'With `ForAllValues:`, every value of a multi-valued key must match (a request without the key matches too).' : '',
        /^ForAnyValue:/.test(text) ? 'With `ForAnyValue:`, at least one value of a multi-valued key must match.' : '',
        /IfExists$/.test(text) ? 'With `IfExists`, a request without the key matches.' : '',
        /Not/.test(base) ? 'A negated operator matches every request whose value differs, including requests without the key.' : '',
      ].filter(Boolean);
      return { markdown: [`**${text}**: condition operator; ${meaning}.`, ...notes].join('\n\n'), span };
    }
    case 'conditionKey': {
      const key = catalog.conditionKey(text);
      if (!key) return undefined;
      const type = key.type ? ` · ${key.type}` : '';
      return { markdown: [`**${key.name}**${type} · ${key.global ? 'global condition key' : 'service condition key'}`, key.description].filter(Boolean).join('\n\n'), span };
    }
    case 'samTemplate': {
      const definition = SAM_POLICY_TEMPLATES.get(text);
      if (!definition) return undefined;
      const actions = [...new Set(definition.flatMap((statement) => statement.actions))];
      return { markdown: `**${text}** (SAM policy template) allows ${actions.map((a) => `\`${a}\``).join(', ')}.`, span };
    }
  }
}

function actionMarkdown(action: IamAction): string {
  const types = action.resourceTypes.map(({ type, required }) => `\`${type.name}\`${required ? ' (required)' : ''}: \`${type.arnFormat}\``);
  const keys = action.conditionKeys.map((key) => `\`${key.name}\``);
  return [
    `**${action.id}** · ${action.accessLevel}`,
    action.description,
    types.length > 0 ? `**Resource types:** ${types.join('; ')}` : '**Resource types:** none: the action applies to `"*"` only.',
    keys.length > 0 ? `**Condition keys:** ${keys.join(', ')}` : '',
    `[${action.service.name} in the Service Authorization Reference](${action.service.referenceUrl})`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

const LISTED = 10;

function wildcardMarkdown(pattern: string, actions: readonly IamAction[]): string {
  if (actions.length === 0) return `**${pattern}** matches no action.`;
  const byLevel = ACCESS_LEVELS.map((level) => [level, actions.filter((a) => a.accessLevel === level).length] as const).filter(([, n]) => n > 0);
  const services = new Set(actions.map((a) => a.service.name));
  const where = services.size === 1 ? ` of ${[...services][0]}` : ` in ${services.size} services`;
  const names = actions.slice(0, LISTED).map((a) => `\`${a.id}\``).join(', ');
  return [
    `**${pattern}** matches ${actions.length} action${actions.length === 1 ? '' : 's'}${where}: ${byLevel.map(([level, n]) => `${n} ${level}`).join(', ')}.`,
    `${names}${actions.length > LISTED ? `, and ${actions.length - LISTED} more` : ''}.`,
  ].join('\n\n');
}
