import type { Rule } from '../server/src/engine/rule';
import { identityAndAccessManagementRules } from './identity-and-access-management/index';
import { detectiveControlsRules } from './detective-controls/index';
import { infrastructureProtectionRules } from './infrastructure-protection/index';
import { dataProtectionRules } from './data-protection/index';
import { incidentResponseRules } from './incident-response/index';

/** Every template and policy rule, sorted by id. Ids are unique and stable forever. */
export const RULES: readonly Rule[] = [
  ...identityAndAccessManagementRules,
  ...detectiveControlsRules,
  ...infrastructureProtectionRules,
  ...dataProtectionRules,
  ...incidentResponseRules,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
