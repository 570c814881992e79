import type { IamAction } from '../../server/src/engine/iam/catalog';
import { CLOUDFORMATION_ARNS, resolveArnText, type CloudFormationArn } from '../../server/src/engine/iam/cloudformation-arns';
import { policyValues, type PolicyValue } from '../../server/src/engine/iam/statement';
import type { PolicyDocument, Statement } from '../../server/src/engine/policies';
import type { Resource, Template } from '../../server/src/engine/model';
import type { MapNode } from '../../server/src/engine/tree';
import { intrinsic, type Change, type ChangeValue, type FixSpec, type RuleContext } from '../../server/src/engine/rule';
import { hasConditionOn, isEveryAction, isEveryResource } from './iam';

/** Lists longer than this are no narrowing worth offering. */
const MAX_LISTED_ACTIONS = 200;

/**
 * The statement's resources as ARNs the catalog can match (`${Bucket.Arn}` resolved by the
 * bucket's type), or undefined when one is unknown or stands for every resource.
 */
export function statementArns(statement: Statement, context: RuleContext): string[] | undefined {
  const values = policyValues(statement.resource, context.evaluator);
  if (values.length === 0 || values.some((value) => value.text === undefined || isEveryResource(value.text))) return undefined;
  return values.map((value) => resolveArnText(value.text!, (id) => context.template?.resourcesById.get(id)?.type));
}

/**
 * Resources AWS documents for an action but the service reference leaves out: creating a change set
 * of a template that uses a transform (`AWS::Serverless-2016-10-31`) is also authorized on the
 * transform's ARN (CloudFormation user guide, "Controlling access with IAM").
 */
const UNLISTED_RESOURCES: Readonly<Record<string, RegExp>> = {
  'cloudformation:CreateChangeSet': /^arn:[^:]*:cloudformation:[^:]*:aws:transform\//,
};

/** Whether an action can apply to one of the ARNs (it takes one of their resource types). */
export function acceptsSome(action: IamAction, arns: readonly string[], context: RuleContext): boolean {
  const unlisted = UNLISTED_RESOURCES[action.id];
  return arns.some((arn) => context.iam.actionTakes(action, arn) || unlisted?.test(arn) === true);
}

/** A change that writes `values` where `value` is: in place of a list item, or as the element's new list. */
export function replaceValue(statement: Statement, element: 'Action' | 'Resource', value: PolicyValue, values: readonly ChangeValue[]): Change | undefined {
  const node = element === 'Action' ? statement.action : statement.resource;
  if (value.node.kind !== 'scalar' || value.candidate.origin || value.candidate.conditions.length > 0) return undefined;
  if (node === value.node) return { kind: 'replace', node: value.node, value: values.length === 1 ? values[0] : values };
  if (node?.kind === 'seq') {
    const index = node.items.indexOf(value.node);
    if (index >= 0) return { kind: 'splice', seq: node, index, deleteCount: 1, values };
  }
  return undefined;
}

/**
 * Narrowing a wildcard action to an explicit list, as choices: every action (of the wildcard's
 * service) that the statement's resources accept; the read-only ones among them; those of one
 * access level. Offered only where the statement names its resources. `iam:PassRole` is left out
 * unless an `iam:PassedToService` condition scopes it.
 */
export function narrowActionFixes(policy: PolicyDocument, statement: Statement, value: PolicyValue, context: RuleContext): FixSpec[] {
  if (!policy.editable || value.text === undefined) return [];
  const arns = statementArns(statement, context);
  if (!arns) return [];
  const pattern = isEveryAction(value.text) ? undefined : value.text;
  const services = pattern ? undefined : new Set(arns.map((arn) => arn.split(':')[2]?.toLowerCase()));
  const passRoleScoped = hasConditionOn(statement, context, ['iam:PassedToService']);
  const candidates = (pattern ? context.iam.match(pattern) : context.iam.services.filter((s) => services!.has(s.prefix)).flatMap((s) => s.actions)).filter(
    (action) => acceptsSome(action, arns, context) && (passRoleScoped || action.id !== 'iam:PassRole'),
  );
  const choices: [string, IamAction[]][] = [['the actions these resources accept', candidates]];
  const readOnly = candidates.filter((action) => action.accessLevel === 'List' || action.accessLevel === 'Read');
  if (readOnly.length > 0 && readOnly.length < candidates.length) choices.push(['the read-only (List and Read) actions these resources accept', readOnly]);
  for (const level of ['Write', 'Permissions management', 'Tagging'] as const) {
    const ofLevel = candidates.filter((action) => action.accessLevel === level);
    if (ofLevel.length > 0 && ofLevel.length < candidates.length) choices.push([`the ${level.toLowerCase()} actions these resources accept`, ofLevel]);
  }
  const fixes: FixSpec[] = [];
  for (const [what, actions] of choices) {
    if (actions.length === 0 || actions.length > MAX_LISTED_ACTIONS) continue;
    const change = replaceValue(statement, 'Action', value, actions.map((action) => action.id));
    if (change) fixes.push({ title: `Replace "${value.text}" by ${what} (${actions.length})`, preferred: false, changes: [change] });
  }
  return fixes;
}

/**
 * `Allow` + `NotAction` replaced by the `Action` list it means on the statement's resources:
 * every action those resources accept, but the excluded ones. Offered only where the statement
 * names its resources (on `*` the list would be the whole catalog).
 */
export function replaceNotActionFixes(policy: PolicyDocument, statement: Statement, context: RuleContext): FixSpec[] {
  const pair = statement.node.byKey.get('NotAction');
  const arns = statementArns(statement, context);
  if (!policy.editable || !pair || !arns || statement.notAction?.kind === 'intrinsic') return [];
  const excluded = new Set(policyValues(statement.notAction, context.evaluator).flatMap((value) => (value.text === undefined ? [] : context.iam.match(value.text))));
  const services = new Set(arns.map((arn) => arn.split(':')[2]?.toLowerCase()));
  const passRoleScoped = hasConditionOn(statement, context, ['iam:PassedToService']);
  const actions = context.iam.services
    .filter((service) => services.has(service.prefix))
    .flatMap((service) => service.actions)
    .filter((action) => !excluded.has(action) && acceptsSome(action, arns, context) && (passRoleScoped || action.id !== 'iam:PassRole'));
  if (actions.length === 0 || actions.length > MAX_LISTED_ACTIONS) return [];
  return [
    {
      title: `Replace NotAction by the ${actions.length} actions it allows on these resources`,
      preferred: false,
      changes: [
        { kind: 'replace', node: pair.key, value: 'Action' },
        { kind: 'replace', node: pair.value, value: actions.map((action) => action.id) },
      ],
    },
  ];
}

const shapesOf = new WeakMap<CloudFormationArn, readonly string[]>();

/** A type's ARN and its children's (`arn:…:bucket`, `arn:…:bucket/*`), built once per type. */
function arnShapes(arn: CloudFormationArn): readonly string[] {
  let shapes = shapesOf.get(arn);
  if (!shapes) shapesOf.set(arn, (shapes = [arn.format, ...arn.children.map((suffix) => arn.format + suffix)]));
  return shapes;
}

/** Every (resource, ARN shape) place of a template, in resource order, and how many places each shape has. */
interface ArnPlaces {
  readonly list: readonly { readonly resource: Resource; readonly arn: CloudFormationArn; readonly index: number; readonly shape: string }[];
  readonly counts: ReadonlyMap<string, number>;
}

const arnPlaces = new WeakMap<Template, ArnPlaces>();

/** The ARN places of a template, once per template (the same for every finding). */
function arnPlacesOf(template: Template): ArnPlaces {
  let places = arnPlaces.get(template);
  if (places) return places;
  const list: ArnPlaces['list'][number][] = [];
  const counts = new Map<string, number>();
  for (const resource of template.resources) {
    const arn = CLOUDFORMATION_ARNS.get(resource.type);
    if (!arn) continue;
    // The same ARN shapes for every resource of a type, so that the catalog's match is cached once per type.
    const shapes = arnShapes(arn);
    for (let index = 0; index < shapes.length; index++) {
      list.push({ resource, arn, index, shape: shapes[index] });
      counts.set(shapes[index], (counts.get(shapes[index]) ?? 0) + 1);
    }
  }
  places = { list, counts };
  arnPlaces.set(template, places);
  return places;
}

/**
 * `Resource: "*"` narrowed to the ARNs of the template's resources that the statement's actions
 * take (`!GetAtt Bucket.Arn`, `!Sub "${Bucket.Arn}/*"`, `!Ref Topic`): offered when every action
 * that takes ARNs finds one there, so that nothing the statement allows is lost.
 */
export function narrowResourceFixes(policy: PolicyDocument, statement: Statement, value: PolicyValue, actions: readonly IamAction[], context: RuleContext): FixSpec[] {
  const template = context.template;
  if (!policy.editable || !template) return [];
  const allActions = [...new Set(policyValues(statement.action, context.evaluator).flatMap((v) => (v.text === undefined ? [] : context.iam.match(v.text))))];
  if (allActions.some((action) => action.resourceTypes.length === 0)) return [];
  const targets: { arn: string; value: ChangeValue; resource: string }[] = [];
  // Whether the actions take an ARN shape, per shape: every resource of a type has the same shapes,
  // and asking the catalog for each resource made this fix cost O(findings × resources × actions)
  // (a third of the analysis of a 20k-line template).
  const taken = new Map<string, boolean>();
  const takes = (shape: string) => {
    let result = taken.get(shape);
    if (result === undefined) taken.set(shape, (result = actions.some((action) => acceptsSome(action, [shape], context))));
    return result;
  };
  // More than ten targets means no fix: counted per shape, without visiting every resource for
  // every finding (149 statements × 1485 resources were ~3% of the analysis of a 20k-line template).
  const places = arnPlacesOf(template);
  let count = 0;
  for (const [shape, n] of places.counts) if (takes(shape)) count += n;
  if (count === 0 || count > 10) return [];
  for (const { resource, arn, index: i, shape } of places.list) {
    if (!takes(shape)) continue;
    // The reference is built only for a shape the actions take (the resource or one of its children).
    const value = i === 0 ? (arn.attribute ? intrinsic.getAtt(resource.logicalId, arn.attribute) : intrinsic.ref(resource.logicalId)) : intrinsic.sub(`\${${resource.logicalId}${arn.attribute ? `.${arn.attribute}` : ''}}${arn.children[i - 1]}`);
    targets.push({ arn: shape, value: value as ChangeValue, resource: resource.logicalId });
  }
  if (targets.length === 0 || targets.length > 10) return [];
  if (!allActions.every((action) => acceptsSome(action, targets.map((t) => t.arn), context))) return [];
  const change = replaceValue(statement, 'Resource', value, targets.map((target) => target.value));
  if (!change) return [];
  const names = [...new Set(targets.map((target) => target.resource))];
  return [{ title: `Narrow "*" to the ARNs of ${names.join(', ')}`, preferred: false, changes: [change] }];
}

/**
 * Adds `Condition: { <operator>: { <key>: <value> } }` to a statement, into the operator's block
 * or the Condition map when they exist. No fix without a value, or where the statement's text
 * cannot be edited (a policy string, a SAM template) or its Condition comes from an intrinsic.
 */
export function addConditionFix(policy: PolicyDocument, statement: Statement, operator: string, key: string, value: ChangeValue | undefined, title: string): FixSpec[] {
  if (!policy.editable || value === undefined) return [];
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  const change = conditionChange(statement, operator, key, single);
  return change ? [{ title, preferred: true, changes: [change] }] : [];
}

export function conditionChange(statement: Statement, operator: string, key: string, value: ChangeValue): Change | undefined {
  const condition = statement.condition;
  if (!condition) return { kind: 'set', map: statement.node, key: 'Condition', value: { [operator]: { [key]: value } }, ...insideMap(statement.node, ['Resource', 'NotResource']) };
  if (condition.kind !== 'map') return undefined;
  const block = condition.byKey.get(operator)?.value;
  if (!block) return { kind: 'set', map: condition, key: operator, value: { [key]: value } };
  if (block.kind !== 'map' || block.byKey.has(key)) return undefined;
  return { kind: 'set', map: block, key, value };
}

/**
 * Where a new key goes in a map: before the first of `keys` the map holds, so that it does not
 * land at the map's end, where a fix to the enclosing map (a policy's Version) inserts too; but
 * never before a block map's first key, which in YAML may sit on a list item's `- ` line.
 */
export function insideMap(map: MapNode, keys: readonly string[]): { before?: readonly string[] } {
  const target = keys.find((key) => map.byKey.has(key));
  return target && (map.flow || map.pairs[0]?.key.value !== target) ? { before: [target] } : {};
}
