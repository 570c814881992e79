import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, classify, type Template } from '../../server/src/engine/model';
import { parseText } from '../../server/src/engine/parse';

function template(source: string): Template {
  const { root } = parseText(source);
  assert.equal(classify(root), 'template');
  return buildModel(root as never, 'template') as Template;
}

describe('classify', () => {
  const cases: [string, string, string][] = [
    ['template with a version', 'AWSTemplateFormatVersion: "2010-09-09"\n', 'template'],
    ['resources only', 'Resources:\n  T:\n    Type: AWS::SNS::Topic\n', 'template'],
    ['custom resource only', '{"Resources": {"C": {"Type": "Custom::Thing"}}}', 'template'],
    ['SAM transform', 'Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'template'],
    ['policy document', '{"Version": "2012-10-17", "Statement": []}', 'policy'],
    ['policy without version', '{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}', 'policy'],
    ['GitHub workflow', 'on: push\njobs: {}\n', 'none'],
    ['package.json', '{"name": "x", "dependencies": {}}', 'none'],
    ['Kubernetes manifest with Resources', 'kind: Pod\nResources:\n  limits: { cpu: 1 }\n', 'none'],
    ['scalar document', 'just text\n', 'none'],
    ['empty', '', 'none'],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => assert.equal(classify(parseText(source).root), expected));
  }
});

describe('buildModel', () => {
  const source = [
    'Transform: AWS::Serverless-2016-10-31',
    'Parameters:',
    '  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }',
    '  Secret: { Type: String, NoEcho: true }',
    'Conditions:',
    '  IsProd: !Equals [!Ref Env, prod]',
    'Mappings:',
    '  Sizes: { dev: { Gb: 10 } }',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Condition: IsProd',
    '    DeletionPolicy: Retain',
    '    UpdateReplacePolicy: Snapshot',
    '    Metadata: { Owner: team }',
    '    Properties: { BucketName: b }',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }',
    '      Policies:',
    '        - PolicyName: p',
    '          PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }',
    'Outputs:',
    '  Arn: { Value: !GetAtt Bucket.Arn, Condition: IsProd }',
    '',
  ].join('\n');
  const model = template(source);

  it('reads parameters with type, default, allowed values and NoEcho', () => {
    const env = model.parameters.get('Env')!;
    assert.equal(env.type, 'String');
    assert.equal(env.default?.kind === 'scalar' && env.default.value, 'dev');
    assert.deepEqual(env.allowedValues.map((v) => v.kind === 'scalar' && v.value), ['dev', 'prod']);
    assert.equal(model.parameters.get('Secret')!.noEcho, true);
    assert.equal(env.noEcho, false);
  });

  it('reads conditions, mappings and outputs', () => {
    assert.deepEqual([...model.conditions.keys()], ['IsProd']);
    assert.ok(model.mappings?.byKey.has('Sizes'));
    assert.deepEqual(model.outputs.map((o) => [o.name, o.condition, o.value?.kind]), [['Arn', 'IsProd', 'intrinsic']]);
  });

  it('reads resources with their attributes and keeps positions', () => {
    const bucket = model.resourcesById.get('Bucket')!;
    assert.equal(bucket.type, 'AWS::S3::Bucket');
    assert.equal(bucket.condition, 'IsProd');
    assert.equal(bucket.deletionPolicy, 'Retain');
    assert.equal(bucket.updateReplacePolicy, 'Snapshot');
    assert.ok(bucket.metadata?.byKey.has('Owner'));
    assert.equal(source.slice(bucket.key.span.start, bucket.key.span.end), 'Bucket');
    assert.equal(model.isSam, true);
  });

  it('finds every embedded policy with its kind and path', () => {
    assert.deepEqual(
      model.policies.map((p) => [p.resource?.logicalId, p.kind, p.path, p.statements.length]),
      [
        ['Role', 'trust', 'AssumeRolePolicyDocument', 1],
        ['Role', 'identity', 'Policies[0].PolicyDocument', 1],
      ],
    );
  });
});
