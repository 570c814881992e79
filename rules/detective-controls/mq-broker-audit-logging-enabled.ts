import type { Rule, RuleContext } from '../../server/src/engine/rule';
import type { Resource } from '../../server/src/engine/model';
import { checkProperty, mustBeTrue } from '../lib/properties';
import { asText } from '../lib/values';

const rule: Rule = {
  meta: {
    id: 'mq-broker-audit-logging-enabled',
    area: 'detective-controls',
    bestPractice: ['SEC04-BP01'],
    severity: 'warning',
    title: 'Amazon MQ brokers should publish their audit logs to CloudWatch Logs',
    rationale:
      'An ActiveMQ broker\'s audit log records every management action taken through JMX or the web console: queues and topics created or deleted, messages purged or moved, users changed. Those are the actions someone with a stolen broker credential takes to read or destroy messages, and without the log they leave no trace outside the broker. RabbitMQ brokers have no audit log; their general log, which records connections, failed logins and policy changes, is the closest record and is what this rule asks of them.',
    remediation:
      'Set `Logs.Audit: true` on ActiveMQ brokers (and `Logs.General: true` for the broker\'s own events); set `Logs.General: true` on RabbitMQ brokers, which reject `Audit`. Amazon MQ needs a resource policy on CloudWatch Logs allowing `mq.amazonaws.com` to write the `/aws/amazonmq/` log groups; give those groups a retention period.',
    docs: [
      'https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring-cloudwatch.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-logslist.html',
    ],
    resourceTypes: ['AWS::AmazonMQ::Broker'],
    equivalents: {
      checkov: ['CKV_AWS_197'],
      cfnNag: [],
      cfnLint: [],
      kics: ['e519ed6a-8328-4b69-8eb7-8fa549ac3050'],
      securityHub: ['MQ.2'],
      cis: [],
    },
    fixable: true,
    examples: {
      insecure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: "5.18"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      AutoMinorVersionUpgrade: true
      SubnetIds: [!Ref Subnet]
      Logs: { General: true }
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:mq-app:SecretString:password}}"
`,
      secure: `Parameters:
  Subnet:
    Type: AWS::EC2::Subnet::Id
Resources:
  Broker:
    Type: AWS::AmazonMQ::Broker
    Properties:
      BrokerName: orders
      EngineType: ACTIVEMQ
      EngineVersion: "5.18"
      HostInstanceType: mq.m5.large
      DeploymentMode: SINGLE_INSTANCE
      PubliclyAccessible: false
      AutoMinorVersionUpgrade: true
      SubnetIds: [!Ref Subnet]
      Logs: { Audit: true, General: true }
      Users:
        - Username: app
          Password: "{{resolve:secretsmanager:mq-app:SecretString:password}}"
`,
    },
  },
  resource(resource, context) {
    const engine = engineOf(resource, context);
    if (engine === 'ACTIVEMQ') {
      checkProperty(resource, context, { ...mustBeTrue('Logs.Audit', 'audit logging'), missingPhrase: 'does not publish its audit log', insecurePhrase: 'does not publish its audit log' });
    } else if (engine === 'RABBITMQ') {
      // RabbitMQ has no audit log (CloudFormation rejects Audit for it): its general log is the record there is.
      checkProperty(resource, context, { ...mustBeTrue('Logs.General', 'general logging'), missingPhrase: 'does not publish its general log (RabbitMQ has no audit log)', insecurePhrase: 'does not publish its general log (RabbitMQ has no audit log)' });
    }
  },
};

/** The broker's engine, upper-cased, when every branch names the same one; undefined otherwise (which log applies is not known). */
function engineOf(resource: Resource, context: RuleContext): string | undefined {
  const pair = resource.properties?.byKey.get('EngineType');
  if (!pair) return undefined;
  const engines = new Set(context.evaluator.candidates(pair.value).map((candidate) => asText(candidate.value)?.toUpperCase()));
  return engines.size === 1 ? [...engines][0] : undefined;
}

export default rule;
