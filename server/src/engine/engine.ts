import type { Rule, RuleContext } from './rule';
import type { DocumentKind, Finding, Fix, RuleMeta, Severity, Span } from './api';
import { isRuleEnabled, ruleOptionsOf, type ResolvedConfig } from './config';
import { ENGINE_CHECKS, type EngineCheck } from './engine-checks';
import { Evaluator } from './evaluate';
import { TemplateFacts } from './facts';
import { FixRenderer } from './fix';
import { templateCompletions, resourceTypeMarkdown, type TemplateCompletion } from './cfn/completion';
import { propertyHover, resourceTypeHover, type TemplateHover } from './cfn/hover';
import { CfnSchema } from './cfn/schema';
import { secureValuesFromRules, type SecureValues } from './cfn/secure-values';
import { IamCatalog } from './iam/catalog';
import { iamCompletions, type IamCompletion } from './iam/completion';
import { iamHover, type IamHover } from './iam/hover';
import { buildModel, classify, type Model, type Resource, type Template } from './model';
import type { PolicyDocument } from './policies';
import { reparse, type ReparseBase } from './incremental';
import { parseText, type ParsedText } from './parse';
import { pathAt } from './paths';
import { LineIndex } from './positions';
import { collectSuppressions, mayHoldSuppressionComments } from './suppressions';
import type { Node } from './tree';

export interface Analysis {
  readonly kind: DocumentKind;
  readonly findings: readonly Finding[];
  /** Errors thrown by rules, for the caller's log; each also produced one rule-error finding. */
  readonly ruleErrors: readonly { readonly ruleId: string; readonly error: unknown }[];
  readonly model: Model | undefined;
  /** What was read, for re-analysis after an edit. */
  readonly source: { readonly parsed: ReparseBase; readonly lines: LineIndex } | undefined;
}

const PREFIX_FOR_CLASSIFYING = 64 * 1024;
/** Parse errors reported one by one; one more finding counts the rest. */
export const MAX_PARSE_ERRORS = 50;

export interface EngineOptions {
  /**
   * Loads the IAM catalog; called once, when a rule first needs it. The engine does no I/O: the
   * language server and the CLI read the data file. Without it (or when it fails) the catalog is
   * empty and the checks that need it stay silent.
   */
  readonly iamCatalog?: () => IamCatalog;
  /** Loads the CloudFormation resource specification, on the first completion or hover in a template. */
  readonly cfnSchema?: () => CfnSchema;
}

export class Engine {
  private readonly byResourceType = new Map<string, Rule[]>();
  private readonly policyRules: Rule[] = [];
  private readonly templateRules: Rule[] = [];
  /** Rules that look at every resource, whatever its type ('*'). */
  private readonly anyResourceRules: Rule[] = [];
  readonly metas: readonly RuleMeta[];
  readonly metasById: ReadonlyMap<string, RuleMeta>;
  private catalog: IamCatalog | undefined;
  private schema: CfnSchema | undefined;
  private secureValues: SecureValues | undefined;
  /**
   * The enabled rules by what they check, with their options, per configuration (a resolved
   * configuration is never changed once made): deciding that for every analysis, and calling
   * disabled rules' slots for every resource, was ~1-2% of the analysis of the corpus.
   */
  private readonly plans = new WeakMap<ResolvedConfig, RulePlan>();
  /** Why the catalog could not be loaded, for the caller's log. */
  catalogError: unknown;

  constructor(
    readonly rules: readonly Rule[],
    private readonly options: EngineOptions = {},
  ) {
    this.metas = rules.map((rule) => rule.meta);
    this.metasById = new Map(this.metas.map((meta) => [meta.id, meta]));
    for (const rule of rules) {
      for (const type of rule.meta.resourceTypes) {
        if (type === 'policy') this.policyRules.push(rule);
        else if (type === 'template') this.templateRules.push(rule);
        else if (type === '*') this.anyResourceRules.push(rule);
        else this.byResourceType.set(type, [...(this.byResourceType.get(type) ?? []), rule]);
      }
    }
  }

  /** The IAM catalog, loaded on first use (once). */
  get iam(): IamCatalog {
    if (!this.catalog) {
      try {
        this.catalog = this.options.iamCatalog?.() ?? IamCatalog.empty();
      } catch (error) {
        this.catalogError = error;
        this.catalog = IamCatalog.empty();
      }
    }
    return this.catalog;
  }

  /** The CloudFormation schema, loaded on first use (once); empty when it cannot be read. */
  get cfn(): CfnSchema {
    if (!this.schema) {
      try {
        this.schema = this.options.cfnSchema?.() ?? CfnSchema.empty();
      } catch (error) {
        this.catalogError ??= error;
        this.schema = CfnSchema.empty();
      }
    }
    return this.schema;
  }

  /** Completions in a template at `offset` of the analyzed `text`: resource types, keys, properties (secure ones first), values. */
  templateCompletions(analysis: Analysis, text: string, offset: number): TemplateCompletion[] {
    // Nothing was read of a file too large or binary to analyze: nothing to complete either.
    if (!analysis.source) return [];
    const root = analysis.source.parsed.root;
    // A template being started may not classify yet: a root map with Resources is enough.
    if (analysis.kind !== 'template' && !(root?.kind === 'map' && (root.byKey.has('Resources') || root.byKey.has('AWSTemplateFormatVersion')))) return [];
    return templateCompletions(text, offset, root, {
      schema: this.cfn,
      secure: () => (this.secureValues ??= secureValuesFromRules(this.metas)),
    });
  }

  /** A resource type's description and reference link (completion items resolve it on demand). */
  resourceTypeDocumentation(type: string): string | undefined {
    return resourceTypeMarkdown(this.cfn, type);
  }

  /** Hover over a resource's type (what it is, which rules check it) or a property's name (its documentation). */
  templateHover(analysis: Analysis, offset: number): TemplateHover | undefined {
    if (analysis.model?.kind !== 'template') return undefined;
    return resourceTypeHover(analysis.model, offset, this.cfn, this.metas) ?? propertyHover(analysis.model, offset, this.cfn);
  }

  /** What the IAM catalog says about the policy content at `offset`: an action, a wildcard, a condition, an ARN. */
  iamHover(analysis: Analysis, offset: number): IamHover | undefined {
    return analysis.model?.policies.length ? iamHover(analysis.model, offset, this.iam) : undefined;
  }

  /** Completions for the policy element at `offset` of the analyzed `text` (actions, condition operators and keys). */
  iamCompletions(analysis: Analysis, text: string, offset: number): IamCompletion[] {
    const model = analysis.model;
    if (!model?.policies.length) return [];
    return iamCompletions(model, text, offset, this.iam, new Evaluator(model.kind === 'template' ? model : undefined));
  }

  /** Analyzes a document; with the analysis of its previous text, re-parses only what an edit touched when it can. */
  analyze(text: string, file: string, config: ResolvedConfig, previous?: Analysis): Analysis {
    const lines = new LineIndex(text);
    const sink = new FindingSink(file, lines, config);
    if (text.includes('\u0000')) {
      if (/\.(ya?ml|json|template)$/i.test(file)) sink.engine(ENGINE_CHECKS.inputLimit, { start: 0, end: 0 }, 'The file holds binary data (NUL bytes); it is not analyzed.');
      return sink.result('none', undefined, [], undefined);
    }
    if (text.length > config.maxFileSize) {
      // Too large to analyze in full: read just enough to tell whether it is a template at all.
      const kind = classify(parseText(text.slice(0, PREFIX_FOR_CLASSIFYING)).root);
      if (kind !== 'none') {
        const size = (text.length / 1024 / 1024).toFixed(1);
        sink.engine(ENGINE_CHECKS.inputLimit, { start: 0, end: 0 }, `The file is ${size} MB, over the ${(config.maxFileSize / 1024 / 1024).toFixed(1)} MB analysis limit (CloudFormation itself accepts 1 MB); it is not analyzed.`);
      }
      return sink.result(kind, undefined, [], undefined);
    }
    const parsed = withoutUnusedCst((previous?.source && reparse(previous.source.parsed, text, previous.source.lines)) || parseText(text));
    // The cached analysis keeps the tree for the next edit, not the CST (half the memory).
    const { cst: _cst, ...tree } = parsed;
    const source = { parsed: tree, lines };
    const kind = classify(parsed.root);
    if (kind === 'none' || parsed.root?.kind !== 'map') return sink.result('none', undefined, [], source);
    let syntaxErrors = 0;
    for (const problem of parsed.problems) {
      // A mangled text can hold hundreds of thousands of parse errors: the first few dozen say enough.
      if (problem.code === 'syntax' && ++syntaxErrors > MAX_PARSE_ERRORS) continue;
      const check = problem.code === 'syntax' ? ENGINE_CHECKS.parseError : problem.code === 'duplicate-key' ? ENGINE_CHECKS.duplicateKey : ENGINE_CHECKS.inputLimit;
      sink.engine(check, problem.span, problem.message);
    }
    if (syntaxErrors > MAX_PARSE_ERRORS) {
      const rest = syntaxErrors - MAX_PARSE_ERRORS;
      const next = parsed.problems.filter((p) => p.code === 'syntax')[MAX_PARSE_ERRORS];
      sink.engine(ENGINE_CHECKS.parseError, next.span, `${rest.toLocaleString('en-US')} more parse ${rest === 1 ? 'error' : 'errors'} from here on are not shown.`);
    }
    const model = buildModel(parsed.root, kind, text, parsed.hasAliases);
    const ruleErrors = this.runRules(model, parsed, lines, sink);
    const template = model.kind === 'template' ? model : undefined;
    const suppressions = collectSuppressions(parsed, template, this.metas, lines);
    for (const problem of suppressions.problems) sink.engine(ENGINE_CHECKS.invalidSuppression, problem.span, problem.message);
    sink.dropSuppressed((finding) => suppressions.isSuppressed(finding.ruleId, finding.range.start.line, finding.resource));
    return sink.result(kind, model, ruleErrors, source);
  }

  private planFor(config: ResolvedConfig): RulePlan {
    let plan = this.plans.get(config);
    if (plan) return plan;
    const numbered = new Map<Rule, { index: number; options: Readonly<Record<string, unknown>> }>();
    for (const rule of this.rules) if (isRuleEnabled(config, rule.meta)) numbered.set(rule, { index: numbered.size, options: ruleOptionsOf(config, rule.meta) });
    // Each rule's check for that list, bound once: looking the method up by name on 155 rule
    // objects of as many shapes, for every resource, was a tenth of the rules' time.
    const enabled = (rules: readonly Rule[], slot: 'template' | 'resource' | 'policy') =>
      rules.flatMap((rule): PlannedRule[] => {
        const number = numbered.get(rule);
        const check = rule[slot] as ((subject: never, context: RuleContext) => void) | undefined;
        return number && check ? [{ rule, ...number, check: check.bind(rule) as PlannedRule['check'] }] : [];
      });
    plan = {
      size: numbered.size,
      templateRules: enabled(this.templateRules, 'template'),
      byResourceType: new Map([...this.byResourceType].map(([type, rules]) => [type, enabled(rules, 'resource')])),
      anyResourceRules: enabled(this.anyResourceRules, 'resource'),
      policyRules: enabled(this.policyRules, 'policy'),
    };
    this.plans.set(config, plan);
    return plan;
  }

  private runRules(model: Model, parsed: ParsedText, lines: LineIndex, sink: FindingSink): { ruleId: string; error: unknown }[] {
    const plan = this.planFor(sink.config);
    const template = model.kind === 'template' ? model : undefined;
    const evaluator = new Evaluator(template);
    const facts = template && new TemplateFacts(template, evaluator);
    const renderer = new FixRenderer(parsed, lines);
    const errors: { ruleId: string; error: unknown }[] = [];
    const catalog = () => this.iam;
    // One context per rule and analysis, made on the rule's first call, in a slot of the plan's
    // numbering, and the resource being checked in a variable its `report` reads: building a
    // context for every (resource, rule) pair, or finding it in a Map, cost several percent of the
    // analysis of the corpus. Only enabled rules are in the plan's lists.
    const contexts: (RuleContext | undefined)[] = new Array(plan.size);
    const failed = new Uint8Array(plan.size);
    let resource: string | null = null;
    const contextOf = (planned: PlannedRule): RuleContext => contexts[planned.index] ?? (contexts[planned.index] = contextFor(planned));
    const contextFor = ({ rule, options }: PlannedRule): RuleContext => ({
      template,
      evaluator,
      facts,
      options,
      get iam() {
        return catalog();
      },
      report: (report) =>
        sink.rule(rule.meta, spanOf(report.at), report.message, resource, () => {
          const fixes = typeof report.fixes === 'function' ? report.fixes() : (report.fixes ?? []);
          return fixes.map((fix) => renderer.render(fix));
        }),
    });
    const check = (planned: PlannedRule, subject: Template | Resource | PolicyDocument, at: string | null) => {
      if (failed[planned.index]) return;
      resource = at;
      try {
        planned.check(subject, contextOf(planned));
      } catch (error) {
        failed[planned.index] = 1;
        errors.push({ ruleId: planned.rule.meta.id, error });
        sink.engine(ENGINE_CHECKS.ruleError, { start: 0, end: 0 }, `Rule ${planned.rule.meta.id} failed on this file (${error instanceof Error ? error.message : String(error)}); the other rules still ran.`);
      }
    };
    if (template) {
      for (const planned of plan.templateRules) check(planned, template, null);
      for (const checked of template.resources) {
        for (const planned of plan.byResourceType.get(checked.type) ?? []) check(planned, checked, checked.logicalId);
        for (const planned of plan.anyResourceRules) check(planned, checked, checked.logicalId);
      }
    }
    for (const policy of model.policies) {
      for (const planned of plan.policyRules) check(planned, policy, policy.resource?.logicalId ?? null);
    }
    return errors;
  }
}

/**
 * The parse without its CST when no comment can suppress a finding (the CST is read for comments
 * only): it is about half of what a parse allocates, and keeping it alive through the rules made
 * the collector copy it (fewer, cheaper scavenges without it).
 */
function withoutUnusedCst(parsed: ParsedText): ParsedText {
  return parsed.cst.length === 0 || mayHoldSuppressionComments(parsed.text) ? parsed : { ...parsed, cst: [] };
}

/** An enabled rule with its options and its number in the plan (where runRules keeps its context). */
interface PlannedRule {
  readonly rule: Rule;
  readonly index: number;
  readonly options: Readonly<Record<string, unknown>>;
  /** The rule's check for the list it is in (template, resource or policy). */
  readonly check: (subject: Template | Resource | PolicyDocument, context: RuleContext) => void;
}

/** What runRules calls under one configuration: the enabled rules only, with their options. */
interface RulePlan {
  readonly size: number;
  readonly templateRules: readonly PlannedRule[];
  readonly byResourceType: ReadonlyMap<string, readonly PlannedRule[]>;
  readonly anyResourceRules: readonly PlannedRule[];
  readonly policyRules: readonly PlannedRule[];
}

function spanOf(at: Node | Span): Span {
  return 'kind' in at ? at.span : at;
}

/**
 * Collects findings with their final severity, dropping disabled rules. A rule's fixes are built
 * and rendered at the end, for the findings kept only: a template with thousands of findings
 * shows maxDiagnostics of them, and rendering the rest was a fifth of its rules' time.
 */
class FindingSink {
  private findings: Finding[] = [];
  private readonly pendingFixes = new Map<Finding, () => readonly Fix[]>();
  /** Aliases can make one node reachable many times; each problem is reported once per place. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    readonly config: ResolvedConfig,
  ) {}

  rule(meta: RuleMeta, span: Span, message: string, resource: string | null, fixes: () => readonly Fix[]): void {
    const setting = this.config.ruleSettings.get(meta.id);
    const severity: Severity = setting && setting !== 'off' ? setting : meta.severity;
    const key = `${meta.id}\0${span.start}\0${span.end}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const finding: Finding = { ruleId: meta.id, severity, area: meta.area, message, file: this.file, span, range: this.lines.rangeOf(span), resource, fixes: [] };
    this.findings.push(finding);
    this.pendingFixes.set(finding, fixes);
  }

  engine(check: EngineCheck, span: Span, message: string): void {
    this.findings.push({ ruleId: check.id, severity: check.severity, area: null, message, file: this.file, span, range: this.lines.rangeOf(span), resource: null, fixes: [] });
  }

  dropSuppressed(isSuppressed: (finding: Finding) => boolean): void {
    this.findings = this.findings.filter((finding) => finding.area === null || !isSuppressed(finding));
  }

  result(kind: DocumentKind, model: Model | undefined, ruleErrors: Analysis['ruleErrors'], source: Analysis['source']): Analysis {
    const root = source?.parsed.root;
    const sorted = this.findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
    const max = this.config.maxDiagnostics;
    let kept = sorted;
    if (sorted.length > max) {
      // The most severe first, then in document order; one finding, where the first left out is, says how many.
      const rank = (f: Finding) => (f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2);
      const chosen = new Set([...sorted].sort((a, b) => rank(a) - rank(b)).slice(0, max - 1));
      kept = sorted.filter((f) => chosen.has(f));
      const omitted = sorted.length - kept.length;
      const first = sorted.find((f) => !chosen.has(f))!;
      const check = ENGINE_CHECKS.inputLimit;
      const note: Finding = { ruleId: check.id, severity: check.severity, area: null, message: `${omitted.toLocaleString('en-US')} more ${omitted === 1 ? 'problem is' : 'problems are'} not shown: at most ${max.toLocaleString('en-US')} are reported for a file (setting maxDiagnostics).`, file: this.file, span: first.span, range: first.range, resource: null, fixes: [] };
      const at = kept.findIndex((f) => f.span.start > first.span.start);
      kept.splice(at < 0 ? kept.length : at, 0, note);
    }
    const fixErrors: { ruleId: string; error: unknown }[] = [];
    const findings: Finding[] = kept.map((finding) => ({ ...finding, path: pathAt(root, finding.span), fixes: this.fixesOf(finding, fixErrors) }));
    // Said where a rule's own failure is said: first in the file.
    const failures = [...new Map(fixErrors.map((failure) => [failure.ruleId, failure])).values()].map(({ ruleId, error }): Finding => {
      const check = ENGINE_CHECKS.ruleError;
      const span = { start: 0, end: 0 };
      return { ruleId: check.id, severity: check.severity, area: null, message: `Rule ${ruleId} could not build its fixes on this file (${error instanceof Error ? error.message : String(error)}); its findings are shown without them.`, file: this.file, span, range: this.lines.rangeOf(span), resource: null, path: '', fixes: [] };
    });
    return { kind, findings: [...failures, ...findings], ruleErrors: [...ruleErrors, ...fixErrors], model, source };
  }

  /** A finding's fixes; when a rule's fixes fail to build, its finding is kept without them and the error recorded. */
  private fixesOf(finding: Finding, errors: { ruleId: string; error: unknown }[]): readonly Fix[] {
    const pending = this.pendingFixes.get(finding);
    if (!pending) return finding.fixes;
    try {
      return pending();
    } catch (error) {
      errors.push({ ruleId: finding.ruleId, error });
      return [];
    }
  }
}
