import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../rules/index';
import { resolveConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/engine';
import type { Template } from '../../server/src/engine/model';
import { analyze, knownRules, loadIamCatalog } from '../helpers/analyze';

const template = (text: string) => analyze(text).model as Template;
const where = (text: string) => template(text).policies.map((p) => `${p.resource?.logicalId} ${p.path} ${p.kind} ${p.form} ${p.statements.length}`);

describe('policies in templates', () => {
  it('finds identity, trust and resource policies, permission resources and SAM policies', () => {
    const text = [
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }',
      '      Policies:',
      '        - PolicyName: a',
      '          PolicyDocument: { Statement: [{ Effect: Allow, Action: s3:GetObject, Resource: "*" }] }',
      '      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
      '  Api:',
      '    Type: AWS::ApiGateway::RestApi',
      '    Properties:',
      '      Policy: { Statement: [{ Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: "execute-api:/*" }] }',
      '  Permission:',
      '    Type: AWS::Lambda::Permission',
      '    Properties: { FunctionName: f, Action: lambda:InvokeFunction, Principal: sns.amazonaws.com, SourceArn: !Ref Topic }',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Policies:',
      '        - AWSLambdaBasicExecutionRole',
      '        - S3CrudPolicy: { BucketName: !Ref Bucket }',
      '        - UnknownTemplatePolicy: {}',
      '        - Statement: [{ Effect: Allow, Action: sqs:SendMessage, Resource: "*" }]',
      '',
    ].join('\n');
    assert.deepEqual(where(text), [
      'Role AssumeRolePolicyDocument trust document 1',
      'Role Policies[0].PolicyDocument identity document 1',
      'Api Policy resource document 1',
      'Permission  resource permission 1',
      'Fn Policies[1] identity sam-template 1',
      'Fn Policies[3] identity document 1',
    ]);
    const model = template(text);
    assert.deepEqual(model.managedPolicies.map((m) => `${m.resource.logicalId} ${m.path}`), ['Role ManagedPolicyArns[0]', 'Fn Policies[0]']);
    const permission = model.policies[3].statements[0];
    assert.deepEqual([...permission.propertyConditions.keys()], ['aws:SourceArn']);
    const sam = model.policies[4].statements[0];
    assert.deepEqual(sam.resource?.kind === 'seq' && sam.resource.items.map((i) => (i.kind === 'scalar' ? i.value : null)), ['arn:${AWS::Partition}:s3:::${Bucket}', 'arn:${AWS::Partition}:s3:::${Bucket}/*']);
    assert.equal(model.policies[4].editable, false);
  });

  it('reads a policy written as a JSON string, or !Sub of one, placing nodes inside the string', () => {
    const text = 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Action\\": \\"s3:*\\", \\"Resource\\": \\"*\\"}]}"\n';
    const [policy] = template(text).policies;
    assert.equal(policy.form, 'json-string');
    const action = policy.statements[0].action!;
    assert.equal(text.slice(action.span.start, action.span.end), '\\"s3:*\\"');
    const folded = 'Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: >\n        {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}\n';
    const [inFolded] = template(folded).policies;
    const span = inFolded.statements[0].action!.span;
    assert.equal(folded.slice(span.start, span.end).startsWith('>'), true, 'a folded string cannot be mapped: findings go on the string');
  });

  it('reports a policy string that is not JSON, but not a !Sub it cannot read', () => {
    const bad = analyze('Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: \'{"Statement": \'\n');
    assert.deepEqual(bad.findings.map((f) => f.ruleId), ['iam-policy-statement-valid']);
    const sub = analyze('Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Sub \'{"Statement": ${Statements}}\'\n');
    assert.deepEqual(sub.findings.map((f) => f.ruleId), []);
  });

  it('reads a standalone policy\'s kind from its statements', () => {
    const kind = (text: string) => analyze(text, 'p.json').model!.policies[0].kind;
    assert.equal(kind('{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'), 'identity');
    assert.equal(kind('{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}'), 'trust');
    assert.equal(kind('{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}'), 'resource');
  });
});

describe('the IAM catalog in the engine', () => {
  const policy = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}';
  const config = resolveConfig([], knownRules);

  it('is loaded once, on the first policy, never for templates without one', () => {
    let loads = 0;
    const engine = new Engine(RULES, { iamCatalog: () => (loads++, loadIamCatalog()) });
    engine.analyze('Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties: { Size: 1, Encrypted: true, AvailabilityZone: a }\n', 't.yaml', config);
    assert.equal(loads, 0);
    engine.analyze(policy, 'p.json', config);
    engine.analyze(policy, 'q.json', config);
    assert.equal(loads, 1);
  });

  it('keeps analyzing when the catalog cannot be read: the checks that need it stay silent', () => {
    const engine = new Engine(RULES, { iamCatalog: () => { throw new Error('no such file'); } });
    const analysis = engine.analyze(policy, 'p.json', config);
    assert.deepEqual(analysis.findings.map((f) => f.ruleId), []);
    assert.match(String(engine.catalogError), /no such file/);
  });
});
