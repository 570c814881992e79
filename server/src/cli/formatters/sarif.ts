import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AREA_TITLES, type Finding, type RuleMeta, type Severity } from '../../engine/api';
import { ENGINE_CHECKS, type EngineCheck } from '../../engine/engine-checks';
import { oneBased, type ScanReport } from '../report';
import { TOOL } from '../tool';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = 'SRCROOT';

/** GitHub code scanning ranks security alerts by this score: 7+ high, 4+ medium, below that low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { error: '8.0', warning: '5.0', info: '2.0' };

/** SARIF 2.1.0 log with every rule and engine check as a reportingDescriptor, paths relative to SRCROOT (the working directory). */
export function formatSarif(report: ScanReport, rules: readonly RuleMeta[], cwd: string): string {
  const descriptors = [...rules.map(ruleDescriptor), ...Object.values(ENGINE_CHECKS).map(checkDescriptor)];
  const indexes = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const root = pathToFileURL(cwd).href;
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL.name, version: TOOL.version, informationUri: TOOL.informationUri, rules: descriptors } },
        // A base URI must end with a slash, or the last folder is dropped when resolving against it.
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        results: report.findings.map((finding) => result(finding, indexes.get(finding.ruleId))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

export function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** What every SARIF rule descriptor holds, for a rule and for an engine check alike. */
function descriptor(id: string, severity: Severity, title: string, description: string) {
  return { id, name: pascalCase(id), shortDescription: { text: title }, fullDescription: { text: description }, defaultConfiguration: { level: level(severity) } };
}

export function ruleDescriptor(meta: RuleMeta) {
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

function result(finding: Finding, ruleIndex: number | undefined) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: { artifactLocation: artifactLocation(finding.file), region: oneBased(finding) },
        logicalLocations: finding.resource === null ? undefined : [{ name: finding.resource, kind: 'resource' }],
      },
    ],
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
