import type { Rule } from '../../server/src/engine/rule';
import cloudtrailLogFileValidationEnabled from './cloudtrail-log-file-validation-enabled';
import guarddutyFindingsRouted from './guardduty-findings-routed';
import resourceRequiredTags from './resource-required-tags';
import securityGroupRuleDescription from './security-group-rule-description';

/** The incident response rules, in any order: rules/index.ts sorts them. */
export const incidentResponseRules: readonly Rule[] = [
  cloudtrailLogFileValidationEnabled,
  guarddutyFindingsRouted,
  resourceRequiredTags,
  securityGroupRuleDescription,
];
