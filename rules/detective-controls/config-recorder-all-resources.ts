import type { Resource } from '../../server/src/engine/model';
import type { Change, FixSpec, Rule, RuleContext } from '../../server/src/engine/rule';
import type { MapNode } from '../../server/src/engine/tree';
import { valueFixes } from '../lib/fixes';
import { checkProperty, missingPropertyAnchor, mustBeTrue, propertiesAt } from '../lib/properties';
import { asBoolean, describeValue, explain, explainConditions, textOf } from '../lib/values';

/** The keys of a recording group that narrow it to chosen types, which AllSupported: true does not go with. */
function narrowingKeys(group: MapNode, context: RuleContext): string[] {
  const keys = ['ResourceTypes', 'ExclusionByResourceTypes'].filter((key) => group.byKey.has(key));
  const strategy = group.byKey.get('RecordingStrategy')?.value;
  const useOnly = strategy?.kind === 'map' ? textOf(strategy.byKey.get('UseOnly')?.value, context.evaluator) : undefined;
  if (strategy && useOnly !== 'ALL_SUPPORTED_RESOURCE_TYPES') keys.push('RecordingStrategy');
  return keys;
}

const rule: Rule = {
  meta: {
    id: 'config-recorder-all-resources',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01', 'SEC04-BP02'],
    severity: 'warning',
    title: 'AWS Config recorders should record every resource type, with a delivery channel',
    rationale:
      'AWS Config keeps the history of every resource\'s configuration: what a security group allowed last Tuesday, when a bucket became public, who changed it (with CloudTrail). Investigations and Config rules rely on that history, and a recorder limited to a chosen list of types misses the resource types added later, often exactly the ones nobody thought about. A recorder also records nothing until a delivery channel exists; since a region holds one recorder and its channel can only be created after it, the channel almost always belongs in the template that creates the recorder.',
    remediation:
      'Leave out `RecordingGroup`, or set `RecordingGroup.AllSupported: true` without `ResourceTypes`, `ExclusionByResourceTypes` or an inclusion/exclusion `RecordingStrategy`; set `IncludeGlobalResourceTypes: true` in the one region that records the global IAM types (the `requireGlobalResourceTypes` option makes this rule ask for it). Add an `AWS::Config::DeliveryChannel` with an S3 bucket (and an SNS topic if you like) to the same template.',
    docs: [
      'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-config-configurationrecorder-recordinggroup.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-config-deliverychannel.html',
    ],
    resourceTypes: ['AWS::Config::ConfigurationRecorder'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['Config.1'],
      cis: ['3.3'],
    },
    fixable: true,
    options: {
      requireGlobalResourceTypes: {
        type: 'boolean',
        default: false,
        description: 'Also report recorders that do not set RecordingGroup.IncludeGlobalResourceTypes: true (for the template of the one region that records IAM).',
      },
    },
    examples: {
      insecure: `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
      RecordingGroup:
        AllSupported: false
        ResourceTypes: [AWS::EC2::Instance, AWS::S3::Bucket]
`,
      secure: `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig
      RecordingGroup:
        AllSupported: true
        IncludeGlobalResourceTypes: true
  DeliveryChannel:
    Type: AWS::Config::DeliveryChannel
    Properties:
      S3BucketName: config-history-123456789012
`,
    },
  },
  resource(resource, context) {
    checkRecordingGroup(resource, context);
    if (context.options.requireGlobalResourceTypes === true) checkGlobalTypes(resource, context);
    if (!context.template?.resources.some((other) => other.type === 'AWS::Config::DeliveryChannel')) {
      context.report({
        at: resource.key,
        message: `${resource.logicalId} records nothing until a delivery channel exists, and the template defines no AWS::Config::DeliveryChannel.`,
      });
    }
  },
};

/** Reports a recording group that does not record all supported types; leaving it out records them all. */
function checkRecordingGroup(resource: Resource, context: RuleContext): void {
  for (const at of propertiesAt(resource, 'RecordingGroup', context)) {
    if (!at.pair) continue;
    for (const branch of context.evaluator.candidates(at.pair.value)) {
      if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
      const group = branch.value.node;
      const conditions = [...at.conditions, ...branch.conditions];
      const all = group.byKey.get('AllSupported');
      const phrase = `${resource.logicalId} records only some resource types`;
      if (!all) {
        // Without AllSupported, the group records what its lists or strategy name.
        const narrowed = narrowingKeys(group, context);
        if (narrowed.length === 0) continue;
        context.report({ at: group.byKey.get(narrowed[0])!.key, message: `${phrase}: RecordingGroup.AllSupported is not set and ${narrowed[0]} chooses the types${explainConditions(conditions)}.`, fixes: allSupportedFix(group, narrowed) });
        continue;
      }
      const insecure = context.evaluator.candidates(all.value).filter((candidate) => candidate.value.kind === 'noValue' || asBoolean(candidate.value) === false);
      if (insecure.length === 0) continue;
      const off = insecure[0];
      const narrowed = narrowingKeys(group, context);
      const fixes = narrowed.length === 0 ? valueFixes(context, all.value, insecure, true, { label: 'RecordingGroup.AllSupported' }) : off.source === all.value ? allSupportedFix(group, narrowed) : [];
      context.report({ at: all.value, message: `${phrase}: RecordingGroup.AllSupported ${describeValue(off.value)}${explain({ ...off, conditions: [...conditions, ...off.conditions] })}.`, fixes });
    }
  }
}

/** AllSupported: true, dropping the keys that narrow the group (which then record more, and cost more: not preferred). */
function allSupportedFix(group: MapNode, narrowing: readonly string[]): FixSpec[] {
  // A group made only of narrowing keys is rewritten whole: a change cannot empty a map and fill it again.
  const changes: Change[] = group.pairs.every((pair) => narrowing.includes(String(pair.key.value)))
    ? [{ kind: 'replace', node: group, value: { AllSupported: true } }]
    : [{ kind: 'set', map: group, key: 'AllSupported', value: true }, ...narrowing.map((key): Change => ({ kind: 'remove', map: group, key }))];
  const title = narrowing.length > 0 ? `Set RecordingGroup.AllSupported to true and remove ${narrowing.join(', ')}` : 'Set RecordingGroup.AllSupported to true';
  return [{ title, preferred: narrowing.length === 0, changes }];
}

/** With the option on: the recorder must also record the global IAM types, which only a recorder of all supported types can. */
function checkGlobalTypes(resource: Resource, context: RuleContext): void {
  const phrase = 'does not record the global IAM resource types';
  if (!resource.properties?.byKey.has('RecordingGroup')) {
    const fixes: FixSpec[] = resource.properties
      ? [{ title: 'Set RecordingGroup to all supported types, global ones included', preferred: true, changes: [{ kind: 'set', map: resource.properties, key: 'RecordingGroup', value: { AllSupported: true, IncludeGlobalResourceTypes: true } }] }]
      : [];
    context.report({ at: missingPropertyAnchor(resource), message: `${resource.logicalId} ${phrase}: RecordingGroup is not set, which leaves them out.`, fixes });
    return;
  }
  checkProperty(resource, context, { ...mustBeTrue('RecordingGroup.IncludeGlobalResourceTypes', 'global resource types'), missingPhrase: phrase, insecurePhrase: phrase });
}

export default rule;
