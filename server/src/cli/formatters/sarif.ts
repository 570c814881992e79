import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AREA_TITLES, type Fix, type RuleMeta, type Severity, type TextEdit } from '../../engine/api';
import { ENGINE_CHECKS, type EngineCheck } from '../../engine/engine-checks';
import type { LineIndex } from '../../engine/positions';
import { fingerprint } from '../identity';
import { oneBased, type EngineNotification, type ReportedFinding, type ScanReport } from '../report';
import { TOOL } from '../tool';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = 'SRCROOT';

/** GitHub code scanning ranks security alerts by this score: 7+ high, 4+ medium, below that low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * The key of the partial fingerprint: the finding's stable identity (rule, file, resource,
 * property path, occurrence), so that code scanning tracks an alert across runs that move its
 * lines. (primaryLocationLineHash is GitHub's own, computed by its upload action.)
 */
export const FINGERPRINT_KEY = 'pillar/v1';

/** The engine checks that are problems of the analysis itself, reported as tool notifications too. */
const NOTIFICATIONS: readonly EngineCheck[] = [ENGINE_CHECKS.parseError, ENGINE_CHECKS.inputLimit, ENGINE_CHECKS.ruleError];

/**
 * SARIF 2.1.0 log with every rule and engine check as a reportingDescriptor, paths relative to
 * SRCROOT (the working directory), results with partial fingerprints and fixes, and one
 * invocation whose notifications name the files Pillar could not read in full and the rules that failed.
 */
export function formatSarif(report: ScanReport, rules: readonly RuleMeta[], cwd: string): string {
  const descriptors = [...rules.map(ruleDescriptor), ...Object.values(ENGINE_CHECKS).map(checkDescriptor)];
  const indexes = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const root = pathToFileURL(cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL.name, version: TOOL.version, informationUri: TOOL.informationUri, rules: descriptors, notifications: NOTIFICATIONS.map(checkDescriptor) },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: report.notifications.map((entry) => notification(entry, indexes)) }],
        // A base URI must end with a slash, or the last folder is dropped when resolving against it.
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        // Pillar's offsets, and so its columns, count UTF-16 code units (SARIF's default, said outright).
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => result(finding, indexes.get(finding.ruleId), report.lines.get(finding.file), report.baseline !== undefined)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** What every SARIF rule descriptor holds, for a rule and for an engine check alike. */
function descriptor(id: string, severity: Severity, title: string, description: string) {
  return { id, name: pascalCase(id), shortDescription: { text: title }, fullDescription: { text: description }, defaultConfiguration: { level: level(severity) } };
}

function ruleDescriptor(meta: RuleMeta) {
  return {
    ...descriptor(meta.id, meta.severity, meta.title, meta.rationale),
    help: { text: help(meta, false), markdown: help(meta, true) },
    helpUri: meta.docs[0],
    properties: {
      area: meta.area,
      bestPractice: meta.bestPractice,
      equivalents: meta.equivalents,
      tags: ['security', meta.area, ...meta.bestPractice],
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

function checkDescriptor(check: EngineCheck) {
  return { ...descriptor(check.id, check.severity, check.title, check.description), help: { text: check.description } };
}

function help(meta: RuleMeta, markdown: boolean): string {
  const label = (name: string) => (markdown ? `**${name}:**` : `${name}:`);
  return [
    meta.rationale,
    `${label('Remediation')} ${meta.remediation}`,
    `${label('Well-Architected')} ${meta.bestPractice.join(', ')} (${AREA_TITLES[meta.area]})`,
    `${label('Documentation')}\n${meta.docs.map((url) => `- ${url}`).join('\n')}`,
  ].join('\n\n');
}

function result(finding: ReportedFinding, ruleIndex: number | undefined, lines: LineIndex | undefined, againstBaseline: boolean) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: { artifactLocation: artifactLocation(finding.file), region: oneBased(finding.range) },
        logicalLocations: finding.resource === null ? undefined : [{ name: finding.resource, kind: 'resource' }],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding) },
    // With a baseline, only findings it does not hold are reported.
    baselineState: againstBaseline ? 'new' : undefined,
    fixes: lines && finding.fixes.length > 0 ? finding.fixes.map((fix) => sarifFix(fix, finding.file, lines)) : undefined,
  };
}

/** A quick fix as SARIF states it: the text to insert in place of each region of the file. */
function sarifFix(fix: Fix, file: string, lines: LineIndex) {
  return {
    description: { text: fix.title },
    artifactChanges: [{ artifactLocation: artifactLocation(file), replacements: fix.edits.map((edit) => replacement(edit, lines)) }],
    properties: { preferred: fix.preferred, replaces: fix.replaces },
  };
}

function replacement(edit: TextEdit, lines: LineIndex) {
  // An insertion is an empty region: start and end at the same place.
  return { deletedRegion: oneBased(lines.rangeOf(edit)), insertedContent: { text: edit.text } };
}

function notification(entry: EngineNotification, ruleIndexes: ReadonlyMap<string, number>) {
  const physicalLocation = { artifactLocation: artifactLocation(entry.file), region: entry.range && oneBased(entry.range) };
  return {
    level: level(entry.level),
    message: { text: entry.message },
    locations: [{ physicalLocation }],
    descriptor: { id: entry.checkId, index: NOTIFICATIONS.findIndex((check) => check.id === entry.checkId) },
    associatedRule: entry.ruleId === undefined ? undefined : { id: entry.ruleId, index: ruleIndexes.get(entry.ruleId) },
    exception: entry.exception,
  };
}

/** Files under the working directory are relative to SRCROOT, so results survive a checkout elsewhere. */
function artifactLocation(file: string) {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}
