/**
 * The engine against 344 real templates: it never throws, no rule fails, every template is
 * recognized, and the corpus's known defects (repeated keys, a scalar `yaml` rejects) are reported
 * without losing the rest of the file.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Analysis } from '../../server/src/engine/engine';
import { CORPUS_DIR, readCorpus, type CorpusFile } from '../bench/corpus';
import { analyze } from '../helpers/analyze';

const corpus = readCorpus();
const GUARD = { timeout: 30_000 };

/** The Count macro's sample Lambda events: JSON payloads that hold a template fragment, not templates. */
const NOT_TEMPLATES = [
  'aws-cfn-templates__aws__services__CloudFormation__MacrosExamples__Count__event.json',
  'aws-cfn-templates__aws__services__CloudFormation__MacrosExamples__Count__event_bad.json',
];

const PORTFOLIO = 'aws-cfn-templates__aws__services__ServiceCatalog__Portfolio.yaml';
const CLOUDFRONT = 'aws-cfn-templates__aws__solutions__CloudFrontCustomOriginLambda@Edge__CloudFront.yaml';
const NLB_OR_ALB = 'serverless-patterns__public-nlb-or-alb-private-api-cfn__template.yaml';
const FIND_IN_MAP = 'aws-cfn-templates__aws__services__CloudFormation__FindInMap_Inside_Sub.yaml';

type Outcome = { readonly file: CorpusFile; readonly analysis?: Analysis; readonly error?: unknown };

describe('real-world corpus', { skip: corpus ? false : `no corpus at ${CORPUS_DIR} (CI has it in ../shared)` }, () => {
  const outcomes = new Map<string, Outcome>();
  const analysisOf = (name: string): Analysis => {
    const analysis = outcomes.get(name)?.analysis;
    assert.ok(analysis, `${name} was not analyzed`);
    return analysis;
  };
  /** 1-based line and source text of each finding with that id, as a reader of the file would point at it. */
  const located = (name: string, ruleId: string): string[] => {
    const { text } = outcomes.get(name)!.file;
    return analysisOf(name)
      .findings.filter((finding) => finding.ruleId === ruleId)
      .map((finding) => `${finding.range.start.line + 1} ${text.slice(finding.span.start, finding.span.end)}`);
  };

  before(() => {
    for (const file of corpus ?? []) {
      try {
        outcomes.set(file.name, { file, analysis: analyze(file.text, file.name) });
      } catch (error) {
        outcomes.set(file.name, { file, error });
      }
    }
  });

  it('analyzes every file without an exception or a failed rule', GUARD, () => {
    assert.equal(outcomes.size, corpus!.length);
    const failures = [...outcomes.values()].flatMap(({ file, analysis, error }) => {
      if (!analysis) return [`${file.name}: threw ${String(error)}`];
      return analysis.findings.filter((f) => f.ruleId === 'rule-error').map((f) => `${file.name}: ${f.message}`);
    });
    assert.deepEqual(failures, []);
  });

  it('classifies every file as a template except the macro event payloads', GUARD, () => {
    const others = [...outcomes.values()].filter((o) => o.analysis?.kind !== 'template').map((o) => o.file.name);
    assert.deepEqual(others, NOT_TEMPLATES);
  });

  it('reports repeated keys in exactly the three templates that have them', GUARD, () => {
    const withDuplicates = [...outcomes.values()].filter((o) => o.analysis?.findings.some((f) => f.ruleId === 'duplicate-key')).map((o) => o.file.name);
    assert.deepEqual(withDuplicates, [PORTFOLIO, CLOUDFRONT, NLB_OR_ALB]);
    // A TagOption written as if it held a list of tags.
    assert.deepEqual(located(PORTFOLIO, 'duplicate-key'), ['193 Key', '194 Value', '195 Key', '196 Value', '197 Key', '198 Value']);
    assert.deepEqual(located(CLOUDFRONT, 'duplicate-key'), ['828 EC2InstanceSGID']); // an output defined twice
    assert.deepEqual(located(NLB_OR_ALB, 'duplicate-key'), ['358 HealthCheckEnabled']); // `HealthCheckEnabled : True`
  });

  it('keeps analyzing a template after a multi-line quoted scalar that yaml rejects', GUARD, () => {
    // Line 104 opens a single-quoted output value whose continuation is not indented; PyYAML accepts it.
    assert.deepEqual(located(FIND_IN_MAP, 'parse-error').map((at) => at.split(' ')[0]), ['104', '105']);
    const { kind, model } = analysisOf(FIND_IN_MAP);
    assert.equal(kind, 'template');
    assert.equal(model?.kind, 'template');
    assert.deepEqual(model.resources.map((r) => `${r.logicalId} ${r.type}`), ['InstanceSecurityGroup AWS::EC2::SecurityGroup', 'EC2Instance AWS::EC2::Instance']);
    // The outputs after the broken scalar are still read, the broken one included.
    assert.deepEqual(model.outputs.map((o) => o.name), ['CLIcommand', 'WebConsoleInstructions']);
  });
});
