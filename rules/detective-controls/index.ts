import type { Rule } from '../../server/src/engine/rule';
import cloudtrailCloudwatchLogsEnabled from './cloudtrail-cloudwatch-logs-enabled';
import cloudtrailKmsEncryptionEnabled from './cloudtrail-kms-encryption-enabled';
import cloudtrailLoggingEnabled from './cloudtrail-logging-enabled';
import cloudtrailMultiRegionEnabled from './cloudtrail-multi-region-enabled';

/** The detective controls rules, in any order: rules/index.ts sorts them. */
export const detectiveControlsRules: readonly Rule[] = [
  cloudtrailCloudwatchLogsEnabled,
  cloudtrailKmsEncryptionEnabled,
  cloudtrailLoggingEnabled,
  cloudtrailMultiRegionEnabled,
];
