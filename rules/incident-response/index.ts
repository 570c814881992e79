import type { Rule } from '../../server/src/engine/rule';
import cloudtrailLogFileValidationEnabled from './cloudtrail-log-file-validation-enabled';

/** The incident response rules, in any order: rules/index.ts sorts them. */
export const incidentResponseRules: readonly Rule[] = [
  cloudtrailLogFileValidationEnabled,
];
