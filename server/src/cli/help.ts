export const HELP = `Usage:
  pillar scan <files|folders|globs...> [options]   lint CloudFormation templates and IAM policies
  pillar rules [--format text|json]                list the rules and their metadata
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

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage, file or configuration error.
`;
