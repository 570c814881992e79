export const HELP = `Usage:
  pillar scan <files|folders|globs...> [options]   lint CloudFormation templates and IAM policies
  pillar rules [--format text|json]                list the rules and their metadata
  pillar posture [options]                         scan the live AWS account (read-only)
  pillar --help | --version

Scan options:
  -f, --format <text|json|sarif>             output format (default: text)
      --fail-on <error|warning|info|never>   exit 1 when a finding is at or above this severity
                                             (default: error)
  -c, --config <file>                        configuration file (default: ./.pillar.json if present)
  -o, --output <file>                        write the report to a file instead of stdout

Files given by name are always analyzed; folders are searched with the configuration's
include/exclude globs (default: **/*.yaml, **/*.yml, **/*.json, **/*.template).
Files that are neither templates nor policies are skipped silently.

Posture options (credentials and endpoints come from these flags and the AWS SDK's usual
environment and ~/.aws files, never from .pillar.json):
      --profile <name>                       profile of ~/.aws/config or ~/.aws/credentials
      --region <region>                      region for global services (default: the profile's)
      --regions <all|r1,r2>                  regions to scan (default: every enabled region)
      --org-role <name>                      scan every account of the organization through this role
      --endpoint <url>                       send every request to this endpoint (an emulator, a proxy)
  -f, --format <text|json|sarif|markdown|html>   (default: text)
      --fail-on, -o, --output                as for scan

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage, file or configuration error.
`;
