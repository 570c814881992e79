import rule from '../../rules/data-protection/elasticache-replication-group-auth-token';
import { testRule } from '../helpers/rule-tester';

const group = (properties: string) => `Resources:\n  Cache:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties:\n      ReplicationGroupDescription: cache\n${properties}`;
const tls = '      TransitEncryptionEnabled: true\n';

testRule(rule, {
  valid: [
    { name: 'AUTH token from Secrets Manager', code: group(`${tls}      AuthToken: "{{resolve:secretsmanager:cache-token}}"\n`) },
    { name: 'RBAC user group', code: group(`${tls}      UserGroupIds: [!Ref Users]\n`) },
    { name: 'token from a parameter', code: `Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n${group(`${tls}      AuthToken: !Ref Token\n`)}` },
    { name: 'member of a global datastore', code: group(`${tls}      GlobalReplicationGroupId: ldgnf-sessions\n`) },
    { name: 'JSON, token', file: 't.json', code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": true, "AuthToken": "{{resolve:ssm-secure:token}}"}}}}' },
  ],
  invalid: [
    {
      name: 'TLS without authentication',
      code: group(tls),
      findings: [{ range: '4:5-4:15', message: 'Cache lets any client that reaches it connect without authenticating: neither AuthToken nor UserGroupIds is set.' }],
      output: null,
    },
    {
      name: 'empty user group list',
      code: group(`${tls}      UserGroupIds: []\n`),
      findings: [{ range: '4:5-4:15' }],
      output: null,
    },
    {
      name: 'token removed with AWS::NoValue',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group(`${tls}      AuthToken: !If [IsProd, !Ref AWS::NoValue, !Ref AWS::NoValue]\n`)}`,
      findings: [{ range: '6:5-6:15', message: /\(AuthToken is empty or removed on every branch, with parameter defaults\)\.$/ }],
      output: null,
    },
    {
      name: 'optional token whose parameter defaults to empty',
      code: `Parameters:\n  Token:\n    Type: String\n    NoEcho: true\n    Default: ""\nConditions:\n  HasToken: !Not [!Equals [!Ref Token, ""]]\n${group(`${tls}      AuthToken: !If [HasToken, !Ref Token, !Ref AWS::NoValue]\n`)}`,
      findings: [{ range: '11:5-11:15' }],
      output: null,
    },
    {
      name: 'TLS on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${group('      TransitEncryptionEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '6:5-6:15', message: /neither AuthToken nor UserGroupIds is set\.$/ }],
      output: null,
    },
    {
      name: 'no TLS either',
      code: group('      Engine: redis\n'),
      findings: [{ range: '4:5-4:15', message: 'Cache lets any client that reaches it connect without authenticating: neither AuthToken nor UserGroupIds is set.' }],
      output: null,
    },
    {
      name: 'TLS from a parameter without a default',
      code: `Parameters:\n  Tls:\n    Type: String\n${group('      TransitEncryptionEnabled: !Ref Tls\n')}`,
      findings: [{ range: '7:5-7:15', message: /is set\.$/ }],
      output: null,
    },
    {
      name: 'JSON, TLS without authentication',
      file: 't.json',
      code: '{"Resources": {"Cache": {"Type": "AWS::ElastiCache::ReplicationGroup", "Properties": {"TransitEncryptionEnabled": "true"}}}}',
      findings: [{ range: '1:72-1:84' }],
      output: null,
    },
  ],
});
