/**
 * The posture bundle's entry (dist/posture.js): the AWS SDK clients, collectors and account rules.
 * The language server and the CLI load it only when a scan is asked for, so neither starts slower.
 */
export { scanPosture, type ScanOptions } from './scan';
export { listProfiles, type ProfileInfo } from '../posture/profiles';
export { PostureError } from './credentials';
export { ACCOUNT_RULES } from '../../../rules/account-rules';
