import type { Rule } from '../../server/src/engine/rule';
import iamPolicyNoWildcardAction from './iam-policy-no-wildcard-action';

/** The identity and access management rules, in any order: rules/index.ts sorts them. */
export const identityAndAccessManagementRules: readonly Rule[] = [
  iamPolicyNoWildcardAction,
];
