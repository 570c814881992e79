import rule from '../../rules/detective-controls/mq-broker-audit-logging-enabled';
import { testRule } from '../helpers/rule-tester';

const broker = (properties: string, engine = 'ACTIVEMQ') => `Resources:\n  Broker:\n    Type: AWS::AmazonMQ::Broker\n    Properties:\n      EngineType: ${engine}\n${properties}`;
const engineParameter = (allowed: string) => `Parameters:\n  Engine:\n    Type: String\n    Default: ACTIVEMQ\n    AllowedValues: [${allowed}]\n`;

testRule(rule, {
  valid: [
    { name: 'ActiveMQ with audit logs', code: broker('      Logs:\n        Audit: true\n        General: true\n') },
    { name: 'ActiveMQ, audit as a string', code: broker('      Logs: { Audit: "true" }\n', 'ActiveMQ') },
    { name: 'RabbitMQ with general logs', code: broker('      Logs:\n        General: true\n', 'RABBITMQ') },
    { name: 'audit from an import', code: broker('      Logs:\n        Audit: !ImportValue mq-audit\n') },
    { name: 'engine from a parameter allowing both: which log applies is not known', code: `${engineParameter('ACTIVEMQ, RABBITMQ')}${broker('', '!Ref Engine')}` },
    { name: 'JSON, audit on', file: 't.json', code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "ActiveMQ", "Logs": {"Audit": true}}}}}' },
  ],
  invalid: [
    {
      name: 'ActiveMQ without Logs: the fix adds Logs.Audit',
      code: broker('      HostInstanceType: mq.m5.large\n'),
      findings: [{ range: '4:5-4:15', message: 'Broker does not publish its audit log: Logs.Audit is not set and defaults to false.' }],
      output: broker('      HostInstanceType: mq.m5.large\n      Logs:\n        Audit: true\n'),
    },
    {
      name: 'ActiveMQ with general logs only: the fix adds Audit beside it',
      code: broker('      Logs:\n        General: true\n'),
      findings: [{ range: '6:7-6:11', message: 'Broker does not publish its audit log: Logs.Audit is not set and defaults to false.' }],
      output: broker('      Logs:\n        General: true\n        Audit: true\n'),
    },
    {
      name: 'audit turned off',
      code: broker('      Logs: { Audit: false, General: true }\n'),
      findings: [{ range: '6:22-6:27', message: 'Broker does not publish its audit log: Logs.Audit is false.' }],
      output: broker('      Logs: { Audit: true, General: true }\n'),
    },
    {
      name: 'RabbitMQ without general logs',
      code: broker('      Logs:\n        General: false\n', 'RABBITMQ'),
      findings: [{ range: '7:18-7:23', message: 'Broker does not publish its general log (RabbitMQ has no audit log): Logs.General is false.' }],
      output: broker('      Logs:\n        General: true\n', 'RABBITMQ'),
    },
    {
      name: 'engine from a parameter that only allows ActiveMQ',
      code: `${engineParameter('ACTIVEMQ')}${broker('', '!Ref Engine')}`,
      findings: [{ range: '9:5-9:15' }],
      output: `${engineParameter('ACTIVEMQ')}${broker('      Logs:\n        Audit: true\n', '!Ref Engine')}`,
    },
    {
      name: 'audit off in one branch of !If',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${broker('      Logs:\n        Audit: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '9:16-9:41', message: 'Broker does not publish its audit log: Logs.Audit is false (when condition IsProd is false).' }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::AccountId, "111111111111"]\n${broker('      Logs:\n        Audit: !If [IsProd, true, true]\n')}`,
    },
    {
      name: 'JSON, audit off',
      file: 't.json',
      code: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "ACTIVEMQ", "Logs": {"Audit": false}}}}}',
      findings: [{ range: '1:119-1:124' }],
      output: '{"Resources": {"Broker": {"Type": "AWS::AmazonMQ::Broker", "Properties": {"EngineType": "ACTIVEMQ", "Logs": {"Audit": true}}}}}',
    },
  ],
});
