import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../rules/index';
import { CfnSchema } from '../../server/src/engine/cfn/schema';
import { secureValuesFromRules } from '../../server/src/engine/cfn/secure-values';
import { Intrinsic } from '../../server/src/engine/rule';
import { readCorpus } from '../bench/corpus';
import { analyze, engine } from '../helpers/analyze';

/** Completions at the `|` of a template. */
function complete(template: string, options: { maxFileSize?: number } = {}) {
  const offset = template.indexOf('|');
  const text = template.replace('|', '');
  const analysis = analyze(text, text.trimStart().startsWith('{') ? 'template.json' : 'template.yaml', options);
  return engine.templateCompletions(analysis, text, offset);
}

const labels = (items: ReturnType<typeof complete>) => items.map((item) => item.label);

describe('CloudFormation schema', () => {
  it('is compacted from the pinned @aws-cdk/aws-service-spec, with types, properties, required flags and allowed values', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    const schema = engine.cfn;
    assert.equal(`^${schema.version}`, manifest.devDependencies['@aws-cdk/aws-service-spec']);
    assert.ok(schema.resourceTypes.length > 1500);
    assert.ok(schema.resourceTypes.includes('AWS::Serverless::Function'), 'SAM types too');
    const bucket = schema.resource('AWS::S3::Bucket')!;
    const encryption = bucket.property('BucketEncryption')!;
    assert.equal(encryption.type.kind, 'object');
    const inner = encryption.type.kind === 'object' ? encryption.type.shape.property('ServerSideEncryptionConfiguration')! : undefined;
    assert.equal(inner?.required, true);
    assert.equal(inner?.type.kind, 'list');
    assert.ok(schema.resource('AWS::EC2::Instance')!.property('MetadataOptions'));
  });

  it('links resource types, property types and properties to their reference pages (SAM\'s to the SAM guide)', () => {
    const base = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference';
    assert.equal(CfnSchema.docUrl('AWS::S3::Bucket'), `${base}/aws-resource-s3-bucket.html`);
    assert.equal(CfnSchema.docUrl('AWS::S3::Bucket', undefined, 'BucketEncryption'), `${base}/aws-resource-s3-bucket.html#cfn-s3-bucket-bucketencryption`);
    assert.equal(
      CfnSchema.docUrl('AWS::S3::Bucket', 'ServerSideEncryptionRule', 'BucketKeyEnabled'),
      `${base}/aws-properties-s3-bucket-serversideencryptionrule.html#cfn-s3-bucket-serversideencryptionrule-bucketkeyenabled`,
    );
    assert.equal(CfnSchema.docUrl('AWS::Serverless::Function', undefined, 'CodeUri'), 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html#sam-function-codeuri');
  });
});

describe('secure values from the rules\' examples', () => {
  const values = secureValuesFromRules(RULES.map((rule) => rule.meta));

  it('finds what each rule asks for, by resource type, with the rule ids', () => {
    const bucket = values.byType.get('AWS::S3::Bucket')!;
    for (const name of ['BucketEncryption', 'PublicAccessBlockConfiguration', 'VersioningConfiguration']) assert.ok(bucket.has(name), name);
    assert.deepEqual(bucket.get('PublicAccessBlockConfiguration')!.value, { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    assert.ok(bucket.get('PublicAccessBlockConfiguration')!.ruleIds.includes('s3-bucket-public-access-block'));
    assert.equal(values.byType.get('AWS::RDS::DBInstance')!.get('StorageEncrypted')!.value, true);
  });

  it('leaves out what an example sets only to be a complete resource (names, descriptions, sizes)', () => {
    assert.equal(values.byType.get('AWS::S3::Bucket')!.has('BucketName'), false);
    assert.equal(values.byType.get('AWS::EC2::SecurityGroup')?.has('GroupDescription') ?? false, false);
    assert.equal(values.byType.get('AWS::RDS::DBInstance')!.has('MasterUsername'), false);
  });

  it('prefers a value that stands alone over one that refers to another resource of the example', () => {
    const sse = values.byName.get('SSEAlgorithm')!;
    assert.equal(sse.value, 'AES256');
    const key = values.byType.get('AWS::EC2::Volume')!.get('KmsKeyId')!.value;
    assert.ok(key instanceof Intrinsic);
  });
});

describe('template completion', () => {
  it('offers MetadataOptions with IMDSv2 on an EC2 instance, from a launch template\'s example (matched by name and shape)', () => {
    const items = complete('Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      |\n');
    const options = items.find((item) => item.label === 'MetadataOptions')!;
    assert.match(options.insertText, /^MetadataOptions:\n {8}HttpTokens: required/);
    assert.equal(options.sortText[0], '0', 'security first');
  });

  it('turns the example\'s references and account-specific values into placeholders', () => {
    const items = complete('Resources:\n  Volume:\n    Type: AWS::EC2::Volume\n    Properties:\n      |\n');
    assert.equal(items.find((item) => item.label === 'KmsKeyId')!.insertText, 'KmsKeyId: !GetAtt ${1:DataKey}.Arn$0');
    assert.equal(items.find((item) => item.label === 'Encrypted')!.insertText, 'Encrypted: true$0');
    const json = complete('{\n  "Resources": {\n    "Volume": {\n      "Type": "AWS::EC2::Volume",\n      "Properties": {\n        |\n      }\n    }\n  }\n}\n');
    assert.equal(json.find((item) => item.label === 'KmsKeyId')!.insertText, '"KmsKeyId": {"Fn::GetAtt": ["${1:DataKey}", "Arn"]\\}$0');
  });

  it('replaces only the name of a key that already has its value', () => {
    const items = complete('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Version|: {}\n');
    assert.equal(items.find((item) => item.label === 'VersioningConfiguration')!.insertText, 'VersioningConfiguration');
  });

  it('completes a quoted YAML type inside its quotes, and a bare key in JSON between entries', () => {
    const yaml = complete('Resources:\n  B:\n    Type: "AWS::SQS::|"\n');
    assert.deepEqual(yaml.find((item) => item.label === 'AWS::SQS::Queue')!.span, { start: 27, end: 37 });
    const json = complete('{\n  "Resources": {\n    "B": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        "QueueName": "q",\n        |\n      }\n    }\n  }\n}\n');
    const fifo = json.find((item) => item.label === 'FifoQueue')!;
    assert.equal(fifo.insertText, '"FifoQueue": ${1|true,false|}');
    // A property a rule asks for comes with its secure value (sqs-queue-encrypted).
    assert.equal(json.find((item) => item.label === 'SqsManagedSseEnabled')!.insertText, '"SqsManagedSseEnabled": true$0');
    assert.ok(!labels(json).includes('QueueName'));
  });

  it('completes Condition with the template\'s conditions and DependsOn with its other resources', () => {
    const head = 'Conditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Key:\n    Type: AWS::KMS::Key\n  Bucket:\n    Type: AWS::S3::Bucket\n';
    assert.deepEqual(labels(complete(`${head}    Condition: |\n`)), ['IsProd']);
    assert.deepEqual(labels(complete(`${head}    DependsOn:\n      - |\n`)), ['Key']);
  });

  it('writes JSON values as JSON: strings quoted, booleans bare', () => {
    const head = '{\n  "Resources": {\n    "Q": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        ';
    assert.deepEqual(complete(`${head}"SqsManagedSseEnabled": |\n      }\n    }\n  }\n}\n`).map((item) => item.insertText), ['true', 'false']);
    const bucket = '{\n  "Resources": {\n    "B": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": {\n        "AbacStatus": |\n      }\n    }\n  }\n}\n';
    assert.deepEqual(complete(bucket).map((item) => item.insertText), ['"Enabled"', '"Disabled"']);
  });

  it('uses the document\'s indentation and line endings', () => {
    const items = complete('Resources:\r\n    B:\r\n        Type: AWS::S3::Bucket\r\n        Properties:\r\n            |\r\n');
    assert.equal(items.find((item) => item.label === 'VersioningConfiguration')!.insertText, 'VersioningConfiguration:\r\n                Status: Enabled$0');
  });

  it('offers nothing outside resources, in other documents, or in a file too large to analyze', () => {
    assert.deepEqual(complete('Parameters:\n  Env:\n    Type: |\nResources:\n  B:\n    Type: AWS::S3::Bucket\n'), []);
    assert.deepEqual(complete('name: build\non: [push]\njobs:\n  |\n'), []);
    assert.deepEqual(complete('Resources:\n  B:\n    Type: AWS::S3::|\n', { maxFileSize: 10 }), []);
  });

  it('hovers a property name, nested ones included, with its type, requirement, allowed values and reference', () => {
    const text = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n';
    const analysis = analyze(text);
    const top = engine.templateHover(analysis, text.indexOf('BucketEncryption') + 3)!;
    assert.match(top.markdown, /^\*\*BucketEncryption\*\* · BucketEncryption\n\nSpecifies default encryption/);
    assert.match(top.markdown, /aws-resource-s3-bucket\.html#cfn-s3-bucket-bucketencryption\)$/);
    const nested = engine.templateHover(analysis, text.indexOf('SSEAlgorithm') + 2)!;
    assert.match(nested.markdown, /^\*\*SSEAlgorithm\*\* · String · required/);
    assert.match(nested.markdown, /Allowed values: `aws:kms`, `AES256`, `aws:kms:dsse`\./);
    assert.equal(engine.templateHover(analysis, text.indexOf('AES256') + 1), undefined, 'a value: nothing');
  });

  it('never throws at any position of real templates, half-written or not', (t) => {
    const corpus = readCorpus();
    if (!corpus) return t.skip('no corpus');
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const file of corpus.filter((_, i) => i % 24 === 0)) {
      const analysis = analyze(file.text, file.name);
      for (let i = 0; i < 25; i++) {
        const offset = Math.floor(random() * file.text.length);
        assert.doesNotThrow(() => engine.templateCompletions(analysis, file.text, offset), `${file.name} at ${offset}`);
        assert.doesNotThrow(() => engine.templateHover(analysis, offset), `${file.name} at ${offset}`);
        // Cut at the position, as if the rest were not written yet (fewer: each is analyzed again).
        if (i % 4 !== 0) continue;
        const cut = file.text.slice(0, offset);
        assert.doesNotThrow(() => engine.templateCompletions(analyze(cut, file.name), cut, offset), `${file.name} cut at ${offset}`);
      }
    }
  });
});
