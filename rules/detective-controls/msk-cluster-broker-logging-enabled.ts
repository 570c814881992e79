import type { Candidate } from '../../server/src/engine/evaluate';
import type { Rule } from '../../server/src/engine/rule';
import type { MapNode, Node } from '../../server/src/engine/tree';
import { valueFixes } from '../lib/fixes';
import { propertiesAt } from '../lib/properties';
import { asBoolean, explainConditions } from '../lib/values';

/** Where broker logs can go, with the property that names the destination. */
const DESTINATIONS: readonly (readonly [string, string])[] = [
  ['CloudWatchLogs', 'LogGroup'],
  ['Firehose', 'DeliveryStream'],
  ['S3', 'Bucket'],
];

const rule: Rule = {
  meta: {
    id: 'msk-cluster-broker-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'MSK clusters should deliver their broker logs',
    rationale:
      'Kafka broker logs record client connections, authentication failures and authorization denials. They are the record of which client reached which topic, and the first sign of a stolen client credential or a misused one; an MSK cluster keeps them only when they are delivered to CloudWatch Logs, Firehose or S3.',
    remediation:
      'Set `LoggingInfo.BrokerLogs` with at least one destination turned on: `CloudWatchLogs` (`Enabled: true`, `LogGroup`), `Firehose` (`DeliveryStream`) or `S3` (`Bucket`, `Prefix`). Give the destination a retention period.',
    docs: [
      'https://docs.aws.amazon.com/msk/latest/developerguide/msk-logging.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-msk-cluster.html#cfn-msk-cluster-logginginfo',
    ],
    resourceTypes: ['AWS::MSK::Cluster'],
    equivalents: {
      checkov: ['CKV_AWS_80'],
      cfnNag: [],
      cfnLint: [],
      kics: ['fc7c2c15-f5d0-4b80-adb2-c89019f8f62b'],
      securityHub: [],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Events:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m7g.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      EncryptionInfo:
        EncryptionInTransit: { ClientBroker: TLS, InCluster: true }
`,
      secure: `Resources:
  BrokerLogs:
    Type: AWS::Logs::LogGroup
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      RetentionInDays: 365
  Events:
    Type: AWS::MSK::Cluster
    Properties:
      ClusterName: events
      KafkaVersion: 3.6.0
      NumberOfBrokerNodes: 3
      BrokerNodeGroupInfo:
        InstanceType: kafka.m7g.large
        ClientSubnets: [subnet-1, subnet-2, subnet-3]
      EncryptionInfo:
        EncryptionInTransit: { ClientBroker: TLS, InCluster: true }
      LoggingInfo:
        BrokerLogs:
          CloudWatchLogs:
            Enabled: true
            LogGroup: !Ref BrokerLogs
`,
    },
  },
  resource(resource, context) {
    const phrase = `${resource.logicalId} does not deliver its broker logs`;
    for (const at of propertiesAt(resource, 'LoggingInfo.BrokerLogs', context)) {
      if (!at.pair) {
        context.report({ at: at.anchor, message: `${phrase}: ${at.label} is not set${explainConditions(at.conditions)}.` });
        continue;
      }
      for (const branch of context.evaluator.candidates(at.pair.value)) {
        const conditions = [...at.conditions, ...branch.conditions];
        if (branch.value.kind === 'noValue') context.report({ at: at.pair.value, message: `${phrase}: ${at.label} is not set${explainConditions(conditions)}.` });
        if (branch.value.kind !== 'collection' || branch.value.node.kind !== 'map') continue;
        const logs = branch.value.node;
        // Off: every destination is absent or has Enabled known to be false.
        const states = DESTINATIONS.map(([name, target]) => destinationState(logs, name, target, context));
        if (states.some((state) => state === 'on' || state === 'unknown')) continue;
        // With its target named, a destination only needs turning on.
        const named = states.find((state): state is Turnable => typeof state === 'object' && state.named);
        const fixes = named ? valueFixes(context, named.node, named.insecure, true, { label: `${at.label}.${named.name}.Enabled` }) : [];
        context.report({ at: at.pair.value, message: `${phrase}: ${at.label} turns on none of CloudWatchLogs, Firehose and S3${explainConditions(conditions)}.`, fixes });
      }
    }
  },
};

interface Turnable {
  readonly name: string;
  readonly node: Node;
  readonly insecure: Candidate[];
  readonly named: boolean;
}

function destinationState(logs: MapNode, name: string, target: string, context: Parameters<NonNullable<Rule['resource']>>[1]): 'absent' | 'on' | 'unknown' | Turnable | 'off' {
  const destination = logs.byKey.get(name)?.value;
  if (!destination) return 'absent';
  const single = context.evaluator.single(destination);
  if (single?.kind !== 'collection' || single.node.kind !== 'map') return 'unknown';
  const enabled = single.node.byKey.get('Enabled');
  if (!enabled) return 'off';
  const candidates = context.evaluator.candidates(enabled.value);
  if (candidates.some((c) => asBoolean(c.value) === true)) return 'on';
  if (candidates.some((c) => asBoolean(c.value) === undefined && c.value.kind !== 'noValue')) return 'unknown';
  return { name, node: enabled.value, insecure: candidates, named: single.node.byKey.has(target) };
}

export default rule;
