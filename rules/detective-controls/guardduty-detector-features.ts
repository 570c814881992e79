import type { Rule } from '../../server/src/engine/rule';
import { valueFixes } from '../lib/fixes';
import { checkProperty, propertiesAt } from '../lib/properties';
import { asBoolean, asText, describeValue, explain, textOf } from '../lib/values';

/** The protection plans watched, by feature name, with what they watch for messages. */
const FEATURES: Readonly<Record<string, string>> = {
  S3_DATA_EVENTS: 'S3 Protection (S3 data events)',
  EKS_AUDIT_LOGS: 'EKS Protection (EKS audit logs)',
  RUNTIME_MONITORING: 'Runtime Monitoring',
  EKS_RUNTIME_MONITORING: 'EKS Runtime Monitoring',
};

/** The same plans in the older DataSources property. */
const DATA_SOURCES: readonly (readonly [string, string])[] = [
  ['DataSources.S3Logs.Enable', FEATURES.S3_DATA_EVENTS],
  ['DataSources.Kubernetes.AuditLogs.Enable', FEATURES.EKS_AUDIT_LOGS],
];

const rule: Rule = {
  meta: {
    id: 'guardduty-detector-features',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP02'],
    severity: 'info',
    title: 'GuardDuty detectors should not turn off S3, EKS or runtime protection',
    rationale:
      'Without its protection plans, GuardDuty only reads CloudTrail management events, VPC flow logs and DNS queries. S3 data events show an object being read from an unusual place, EKS audit logs show a pod gaining cluster-admin or anonymous access to the API, and runtime monitoring shows a reverse shell or a miner inside a container or instance: none of that reaches GuardDuty when the plan is turned off. Each plan costs by volume, so switching one off can be deliberate; this rule points it out.',
    remediation:
      'Set `Status: ENABLED` for `S3_DATA_EVENTS`, `EKS_AUDIT_LOGS` and `RUNTIME_MONITORING` in `Features` (with `AdditionalConfiguration` to let GuardDuty manage its agent), or `Enable: true` in the older `DataSources` (`S3Logs`, `Kubernetes.AuditLogs`). Turn a plan off only where the account has no such workload, and say why in a suppression.',
    docs: [
      'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-guardduty-detector-cfnfeatureconfiguration.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html',
    ],
    resourceTypes: ['AWS::GuardDuty::Detector'],
    equivalents: {
      checkov: [],
      cfnNag: [],
      cfnLint: [],
      kics: [],
      securityHub: ['GuardDuty.5', 'GuardDuty.7', 'GuardDuty.10', 'GuardDuty.11'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: DISABLED
`,
      secure: `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
      Features:
        - Name: S3_DATA_EVENTS
          Status: ENABLED
        - Name: EKS_AUDIT_LOGS
          Status: ENABLED
  FindingsToOnCall:
    Type: AWS::Events::Rule
    Properties:
      EventPattern:
        source: [aws.guardduty]
      Targets:
        - Id: on-call
          Arn: arn:aws:sns:eu-west-1:123456789012:security-on-call
`,
    },
  },
  resource(resource, context) {
    // Each item of Features, through !If, that names a watched plan and turns it off.
    for (const at of propertiesAt(resource, 'Features', context)) {
      if (!at.pair) continue;
      for (const list of context.evaluator.candidates(at.pair.value)) {
        if (list.value.kind !== 'collection' || list.value.node.kind !== 'seq') continue;
        list.value.node.items.forEach((item, index) => {
          for (const entry of context.evaluator.candidates(item)) {
            if (entry.value.kind !== 'collection' || entry.value.node.kind !== 'map') continue;
            const name = textOf(entry.value.node.byKey.get('Name')?.value, context.evaluator)?.toUpperCase();
            const status = entry.value.node.byKey.get('Status');
            if (!name || !FEATURES[name] || !status) continue;
            const off = context.evaluator.candidates(status.value).filter((candidate) => asText(candidate.value)?.toUpperCase() === 'DISABLED');
            if (off.length === 0) continue;
            const label = `Features[${index}].Status`;
            const conditions = [...at.conditions, ...list.conditions, ...entry.conditions, ...off[0].conditions];
            context.report({
              at: status.value,
              message: `${resource.logicalId} turns off ${FEATURES[name]}: ${label} ${describeValue(off[0].value)}${explain({ ...off[0], conditions })}.`,
              fixes: valueFixes(context, status.value, off, 'ENABLED', { label }),
            });
          }
        });
      }
    }
    for (const [path, plan] of DATA_SOURCES) {
      checkProperty(resource, context, {
        path,
        what: plan,
        secure: (value) => asBoolean(value) !== false,
        whenMissing: 'secure',
        fix: { value: true },
      });
    }
  },
};

export default rule;
