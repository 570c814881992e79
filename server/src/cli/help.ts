export const HELP = `Usage:
  pillar scan <files|folders|globs...> [options]   lint CloudFormation templates and IAM policies
  pillar rules [--format text|json]                list the rules and their metadata
  pillar --help | --version

Scan options:
  -f, --format <format>                      text (default), json, sarif, junit, or gitlab
                                             (a GitLab code quality report)
  -o, --output <file>                        write the report to a file instead of stdout
  -c, --config <file>                        configuration file (default: ./.pillar.json if present)
      --fail-on <error|warning|info|never>   exit 1 when a finding is at or above this severity
                                             (default: error)
      --max-warnings <n>                     exit 1 when there are more than n warnings
  -q, --quiet                                report errors only (the others still count for
                                             --fail-on and --max-warnings)
      --color, --no-color                    force colours on or off (default: on at a terminal,
                                             unless NO_COLOR is set; FORCE_COLOR forces them)

Fixing:
      --fix                                  apply the safe fixes to the files, then report what
                                             remains
      --fix-dry-run                          print the fixes as a unified diff; write nothing
      --fix-replacing                        also apply fixes that make CloudFormation replace
                                             the resource (a new volume, a new database)

Baselines:
      --write-baseline <file>                record the current findings in a baseline file
      --baseline <file>                      report only findings that are not in the baseline,
                                             and the baseline entries that no longer match

Files given by name are always analyzed; folders are searched with the configuration's
include/exclude globs (default: **/*.yaml, **/*.yml, **/*.json, **/*.template).
Files that are neither templates nor policies are skipped silently.

Exit codes: 0 nothing at or above --fail-on, 1 something is (or too many warnings), 2 usage,
file or configuration error, or a fixed file that could not be written.
`;
