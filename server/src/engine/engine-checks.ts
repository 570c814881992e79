import type { Severity } from './api';

/** The engine's own findings: they are about reading the file, not about the Security Pillar. */
export interface EngineCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
}

export const ENGINE_CHECKS = {
  parseError: {
    id: 'parse-error',
    severity: 'error',
    title: 'The file is not valid YAML or JSON',
    description: 'CloudFormation rejects a template it cannot parse. Pillar reports the error where it occurs and still analyzes what it could read.',
  },
  duplicateKey: {
    id: 'duplicate-key',
    severity: 'error',
    title: 'A mapping repeats a key',
    description: 'CloudFormation rejects a template whose mappings repeat a key. Pillar analyzes the last value.',
  },
  inputLimit: {
    id: 'input-limit',
    severity: 'warning',
    title: 'The file exceeds what Pillar analyzes',
    description: 'The file is too large, nested too deeply, binary, or expands too many YAML aliases; Pillar analyzes what fits within its limits.',
  },
  ruleError: {
    id: 'rule-error',
    severity: 'warning',
    title: 'A rule failed on this file',
    description: 'A rule threw an error on this file. The other rules still ran. Please report it with the template that caused it.',
  },
  invalidSuppression: {
    id: 'invalid-suppression',
    severity: 'warning',
    title: 'A suppression names no known rule or gives no reason',
    description: 'A Pillar suppression must name an existing rule and say why it is safe to ignore; otherwise it is not applied.',
  },
} as const satisfies Record<string, EngineCheck>;
