import rule from '../../rules/data-protection/apigateway-stage-cache-encrypted';
import { testRule } from '../helpers/rule-tester';

const stage = (settings: string, cluster = '      CacheClusterEnabled: true\n') =>
  `Resources:\n  Prod:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n${cluster}      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: "*"\n${settings}`;
const deployment = (description: string) => `Resources:\n  Deploy:\n    Type: AWS::ApiGateway::Deployment\n    Properties:\n      RestApiId: !Ref Api\n      StageDescription:\n        CacheClusterEnabled: true\n${description}`;

testRule(rule, {
  valid: [
    { name: 'caching with encryption', code: stage('          CachingEnabled: true\n          CacheDataEncrypted: true\n') },
    { name: 'no caching', code: stage('          CachingEnabled: false\n') },
    { name: 'caching settings without a cache cluster', code: stage('          CachingEnabled: true\n', '') },
    { name: 'cache cluster off', code: stage('          CachingEnabled: true\n', '      CacheClusterEnabled: false\n') },
    { name: 'encryption from a parameter without a default', code: `Parameters:\n  Encrypt:\n    Type: String\n${stage('          CachingEnabled: true\n          CacheDataEncrypted: !Ref Encrypt\n')}` },
    { name: 'deployment with an encrypted cache', code: deployment('        CachingEnabled: true\n        CacheDataEncrypted: true\n') },
    { name: 'SAM API with an encrypted cache', code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      CacheClusterEnabled: true\n      MethodSettings:\n        - ResourcePath: /*\n          HttpMethod: "*"\n          CachingEnabled: true\n          CacheDataEncrypted: true\n' },
    { name: 'JSON, encrypted', file: 't.json', code: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"CacheClusterEnabled": true, "MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": true}]}}}}' },
  ],
  invalid: [
    {
      name: 'caching without CacheDataEncrypted',
      code: stage('          CachingEnabled: true\n'),
      findings: [{ range: '10:11-10:25', message: 'Prod caches responses unencrypted: MethodSettings[0].CachingEnabled is true and CacheDataEncrypted is not set.' }],
      output: stage('          CachingEnabled: true\n          CacheDataEncrypted: true\n'),
    },
    {
      name: 'CacheDataEncrypted false',
      code: stage('          CachingEnabled: true\n          CacheDataEncrypted: false\n'),
      findings: [{ range: '11:31-11:36', message: 'Prod caches responses unencrypted: MethodSettings[0].CachingEnabled is true and CacheDataEncrypted is false.' }],
      output: stage('          CachingEnabled: true\n          CacheDataEncrypted: true\n'),
    },
    {
      name: 'parameter defaulting to false',
      code: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "false"\n${stage('          CachingEnabled: true\n          CacheDataEncrypted: !Ref Encrypt\n')}`,
      findings: [{ range: '15:31-15:43', message: /from the default of parameter Encrypt/ }],
      output: `Parameters:\n  Encrypt:\n    Type: String\n    Default: "true"\n${stage('          CachingEnabled: true\n          CacheDataEncrypted: !Ref Encrypt\n')}`,
    },
    {
      name: 'caching on one branch of a condition',
      code: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${stage('          CachingEnabled: !If [IsProd, true, false]\n')}`,
      findings: [{ range: '12:11-12:25', message: /CachingEnabled is true \(when condition IsProd is true\) and CacheDataEncrypted is not set\.$/ }],
      output: `Conditions:\n  IsProd: !Equals [!Ref AWS::StackName, prod]\n${stage('          CachingEnabled: !If [IsProd, true, false]\n          CacheDataEncrypted: true\n')}`,
    },
    {
      name: 'deployment stage description',
      code: deployment('        CachingEnabled: true\n'),
      findings: [{ range: '8:9-8:23', message: 'Deploy caches responses unencrypted: StageDescription.CachingEnabled is true and CacheDataEncrypted is not set.' }],
      output: deployment('        CachingEnabled: true\n        CacheDataEncrypted: true\n'),
    },
    {
      name: 'deployment method settings',
      code: deployment('        MethodSettings:\n          - ResourcePath: /orders\n            HttpMethod: GET\n            CachingEnabled: true\n'),
      findings: [{ range: '11:13-11:27', message: /StageDescription\.MethodSettings\[0\]\.CachingEnabled is true/ }],
      output: deployment('        MethodSettings:\n          - ResourcePath: /orders\n            HttpMethod: GET\n            CachingEnabled: true\n            CacheDataEncrypted: true\n'),
    },
    {
      name: 'SAM API',
      code: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      CacheClusterEnabled: true\n      MethodSettings:\n        - CachingEnabled: true\n',
      findings: [{ range: '9:11-9:25' }],
      output: 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      CacheClusterEnabled: true\n      MethodSettings:\n        - CachingEnabled: true\n          CacheDataEncrypted: true\n',
    },
    {
      name: 'JSON, not encrypted',
      file: 't.json',
      code: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"CacheClusterEnabled": true, "MethodSettings": [{"CachingEnabled": true}]}}}}',
      findings: [{ range: '1:123-1:139' }],
      output: '{"Resources": {"Prod": {"Type": "AWS::ApiGateway::Stage", "Properties": {"CacheClusterEnabled": true, "MethodSettings": [{"CachingEnabled": true, "CacheDataEncrypted": true}]}}}}',
    },
  ],
});
