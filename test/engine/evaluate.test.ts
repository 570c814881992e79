import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Evaluator, type Candidate } from '../../server/src/engine/evaluate';
import { buildModel, type Template } from '../../server/src/engine/model';
import { parseText } from '../../server/src/engine/parse';
import { getProperty, type MapNode } from '../../server/src/engine/tree';

const source = [
  'Parameters:',
  '  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }',
  '  Open: { Type: String }',
  '  Name: { Type: String, Default: app }',
  '  Key: { Type: String, Default: "" }',
  'Mappings:',
  '  Size: { dev: { Gb: 10 }, prod: { Gb: 100 } }',
  'Conditions:',
  '  IsProd: !Equals [!Ref Env, prod]',
  '  HasKey: !Not [!Equals [!Ref Key, ""]]',
  '  ProdWithKey: !And [!Condition IsProd, !Condition HasKey]',
  'Resources:',
  '  Bucket: { Type: AWS::S3::Bucket }',
  'Outputs:',
  '  RefParam: { Value: !Ref Env }',
  '  RefNoDefault: { Value: !Ref Open }',
  '  RefResource: { Value: !Ref Bucket }',
  '  Pseudo: { Value: !Ref AWS::Region }',
  '  NoValue: { Value: !Ref AWS::NoValue }',
  '  If: { Value: !If [IsProd, a, b] }',
  '  Sub: { Value: !Sub "${Env}-${AWS::AccountId}-${Bucket.Arn}" }',
  '  SubKnown: { Value: !Sub ["${X}-y", { X: x }] }',
  '  Join: { Value: !Join ["-", [a, !Ref Env]] }',
  '  JoinKnown: { Value: !Join ["-", [a, !Ref Name]] }',
  '  SubDefault: { Value: !Sub "${Name}-x" }',
  '  Select: { Value: !Select [1, [a, b, c]] }',
  '  FindInMap: { Value: !FindInMap [Size, !Ref Env, Gb] }',
  '  GetAtt: { Value: !GetAtt Bucket.Arn }',
  '  GetAttList: { Value: { "Fn::GetAtt": [Bucket, DomainName] } }',
  '  Unknown: { Value: !ImportValue shared }',
  '  IfOnOwnParameter: { Value: !If [HasKey, !Ref Key, !Ref AWS::NoValue] }',
  '  IfOnOtherParameter: { Value: !If [HasKey, !Ref Env, none] }',
  '  IfOnAnd: { Value: !If [ProdWithKey, !Ref Env, none] }',
  '',
].join('\n');
const { root } = parseText(source);
const model = buildModel(root as MapNode, 'template') as Template;
const evaluator = new Evaluator(model);

function evaluate(output: string): string[] {
  const node = getProperty(getProperty(getProperty(root!, 'Outputs'), output), 'Value')!;
  return evaluator.candidates(node).map(show);
}

function show(c: Candidate): string {
  const v = c.value;
  const value = v.kind === 'known' ? JSON.stringify(v.value) : v.kind === 'symbolic' ? `symbolic ${v.text}` : v.kind;
  const conditions = c.conditions.map((x) => ` ${x.name}=${x.value}`).join('');
  return `${value}${conditions}${c.origin ? ` (${c.origin})` : ''}`;
}

describe('Evaluator', () => {
  it('Ref to a parameter gives its default first, then the other allowed values', () =>
    assert.deepEqual(evaluate('RefParam'), ['"dev" (the default of parameter Env)', '"prod" (an allowed value of parameter Env)']));
  it('Ref to a parameter without default or allowed values is unknown', () => assert.deepEqual(evaluate('RefNoDefault'), ['unknown']));
  it('Ref to a resource stays symbolic', () => assert.deepEqual(evaluate('RefResource'), ['symbolic ${Bucket}']));
  it('Ref to a pseudo-parameter stays symbolic', () => assert.deepEqual(evaluate('Pseudo'), ['symbolic ${AWS::Region}']));
  it('AWS::NoValue removes the property', () => assert.deepEqual(evaluate('NoValue'), ['noValue']));
  it('If gives both branches, each tied to its condition', () => assert.deepEqual(evaluate('If'), ['"a" IsProd=true', '"b" IsProd=false']));
  it('Sub keeps deploy-time values and multi-valued parameters symbolic', () =>
    assert.deepEqual(evaluate('Sub'), ['symbolic ${Env}-${AWS::AccountId}-${Bucket.Arn}']));
  it('Sub substitutes a parameter with a single value', () => assert.deepEqual(evaluate('SubDefault'), ['"app-x"']));
  it('Sub with a variable map is known', () => assert.deepEqual(evaluate('SubKnown'), ['"x-y"']));
  it('Join joins known parts', () => assert.deepEqual(evaluate('JoinKnown'), ['"a-app"']));
  it('Join with a multi-valued part is unknown', () => assert.deepEqual(evaluate('Join'), ['unknown']));
  it('Select picks from a literal list', () => assert.deepEqual(evaluate('Select'), ['"b"']));
  it('FindInMap looks up every key the parameter can take', () =>
    assert.deepEqual(evaluate('FindInMap'), ['10 (the default of parameter Env)', '100 (an allowed value of parameter Env)']));
  it('GetAtt is kept symbolic, short and long form', () => {
    assert.deepEqual(evaluate('GetAtt'), ['symbolic ${Bucket.Arn}']);
    assert.deepEqual(evaluate('GetAttList'), ['symbolic ${Bucket.DomainName}']);
  });
  it('functions that cannot be evaluated are unknown', () => assert.deepEqual(evaluate('Unknown'), ['unknown']));
  // aws-cfn-templates solutions/ADConnector: KmsKeyId: !If [HasKey, !Ref Key, !Ref AWS::NoValue] with Key's default "".
  it('If drops a parameter value that makes its own condition choose the other branch', () => {
    assert.deepEqual(evaluate('IfOnOwnParameter'), ['noValue HasKey=false']);
    assert.deepEqual(evaluate('IfOnOtherParameter'), ['"dev" HasKey=true (the default of parameter Env)', '"prod" HasKey=true (an allowed value of parameter Env)', '"none" HasKey=false']);
    assert.deepEqual(evaluate('IfOnAnd'), ['"prod" ProdWithKey=true (an allowed value of parameter Env)', '"none" ProdWithKey=false']);
  });
});

describe('Evaluator: where each value is written', () => {
  const sources = (output: string) =>
    evaluator.candidates(getProperty(getProperty(getProperty(root!, 'Outputs'), output), 'Value')!).map((c) => {
      const text = c.source ? source.slice(c.source.span.start, c.source.span.end) : 'none';
      return c.parameter ? `${text} (${c.parameter.role} of ${c.parameter.name})` : text;
    });
  it('a parameter value is written in its Default or AllowedValues', () => assert.deepEqual(sources('RefParam'), ['dev (default of Env)', 'prod (allowed of Env)']));
  it('each branch of If is written in place', () => assert.deepEqual(sources('If'), ['a', 'b']));
  it('a mapping value is written in Mappings', () => assert.deepEqual(sources('FindInMap'), ['10', '100']));
  it('composed and symbolic values are written nowhere', () => {
    assert.deepEqual(sources('SubDefault'), ['none']);
    assert.deepEqual(sources('GetAtt'), ['none']);
  });
});
