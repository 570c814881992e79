#!/usr/bin/env bash
# Real-editor stages, after `npm test` and `npm run package`:
#   vsix  - the packaged VSIX holds what it should (size, files, production bundles)
#   nvim  - Neovim starts the server from the VSIX over stdio: diagnostics, hover, code action
#   host  - the mocha suite (test/e2e/suite) inside code-server's real extension host
#   ui    - Playwright smoke over code-server in headless Chromium, with the VSIX installed
# host and ui scan an emulated AWS account: moto (python3 -m moto.server) seeded by
# test/e2e/moto-account.ts, its endpoint passed to code-server as AWS_ENDPOINT_URL.
# Usage: scripts/e2e.sh [stage...]   (default: all four, in that order)
#
# Installs what it needs when missing: Debian chromium, neovim, libkrb5-dev (apt), and
# code-server 4.100.3 into ${PILLAR_CACHE:-$HOME/.cache/pillar}, outside the clone, reused when
# present. Every stage gets fresh temporary HOME, user-data, extensions and workspace folders;
# code-server runs in its own session and is killed by process group. Logs and screenshots go
# to test-results/. Ends with one "N passed, N failed" line; exits 1 on any failure.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD

CS_VERSION=4.100.3
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11, which downloads rg from GitHub unless this
# cache file exists. Bumping code-server means reading lib/vscode/npm-shrinkwrap.json for these.
RG_CACHE_VERSION=1.15.11
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CACHE=${PILLAR_CACHE:-$HOME/.cache/pillar}
CS_DIR=$CACHE/code-server-$CS_VERSION
CS=$CS_DIR/node_modules/.bin/code-server
ARTIFACTS=$ROOT/test-results
VERSION=$(node -p "require('./package.json').version")
VSIX=${PILLAR_VSIX:-$ROOT/pillar-$VERSION.vsix}
STAGES=("$@")
[ ${#STAGES[@]} -gt 0 ] || STAGES=(vsix nvim host ui)

TOTAL_PASSED=0
TOTAL_FAILED=0
RESULTS=()
GROUPS_TO_KILL=()
TEMP_DIRS=()

say() { printf '\n==> %s\n' "$*"; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

cleanup() {
  local group
  for group in "${GROUPS_TO_KILL[@]}"; do kill -- "-$group" 2>/dev/null; done
  [ ${#TEMP_DIRS[@]} -eq 0 ] || rm -rf "${TEMP_DIRS[@]}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

record() { # stage passed failed seconds
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  RESULTS+=("$(printf '%-5s %3d passed, %d failed  (%ss)' "$1" "$2" "$3" "$4")")
}

# The "N passed, N failed" counts of the last such line in a log; a run with no such line fails once.
counts_from() {
  local line
  line=$(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$1" | tail -1)
  [ -n "$line" ] && echo "$line" | awk '{print $1, $3}' || echo "0 1"
}

# ---------------------------------------------------------------------------------------------
# Prerequisites

needs_browser() { local s; for s in "${STAGES[@]}"; do case $s in host|ui) return 0 ;; esac; done; return 1; }
needs_stage() { local s; for s in "${STAGES[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

install_debian_packages() {
  local missing=()
  needs_browser && { command -v chromium >/dev/null || missing+=(chromium); }
  needs_browser && { dpkg -s libkrb5-dev >/dev/null 2>&1 || [ -x "$CS" ] || missing+=(libkrb5-dev); }
  needs_stage nvim && { command -v nvim >/dev/null || missing+=(neovim); }
  command -v python3 >/dev/null || missing+=(python3) # zipfile for the VSIX; node-gyp for code-server
  [ ${#missing[@]} -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_code_server() {
  # Reused when present and working (an interrupted install leaves a broken one behind).
  if [ -x "$CS" ]; then
    local probe
    probe=$(mktemp -d)
    TEMP_DIRS+=("$probe")
    HOME=$probe XDG_CONFIG_HOME=$probe XDG_DATA_HOME=$probe "$CS" --version >/dev/null 2>&1 && return 0
    echo "the code-server in $CS_DIR does not run: installing it again"
    rm -rf "$CS_DIR"
  fi
  say "installing code-server $CS_VERSION into $CS_DIR (once per machine)"
  local tmp rg_cache
  tmp=$(mktemp -d)
  TEMP_DIRS+=("$tmp")
  # @vscode/ripgrep's postinstall looks in os.tmpdir(); use one TMPDIR for the seed and the install.
  export TMPDIR=${TMPDIR:-/tmp}
  rg_cache=$TMPDIR/vscode-ripgrep-cache-$RG_CACHE_VERSION
  if [ ! -f "$rg_cache/$RG_ASSET" ]; then
    # Build the expected tarball from the rg binary in the npm package @vscode/ripgrep-linux-x64.
    mkdir -p "$rg_cache"
    (cd "$tmp" && npm pack --silent @vscode/ripgrep-linux-x64@1.18.0 >/dev/null && tar xzf ./*.tgz \
      && tar czf "$rg_cache/$RG_ASSET" -C package/bin rg) || return 1
  fi
  mkdir -p "$CS_DIR"
  # unsafe_perm: its postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`;
  # nodedir: node-gyp uses the local headers instead of downloading them.
  (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=${npm_config_nodedir:-/usr} \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >"$tmp/install.log" 2>&1) \
    || { tail -40 "$tmp/install.log"; rm -rf "$CS_DIR"; return 1; }
  HOME=$tmp XDG_CONFIG_HOME=$tmp XDG_DATA_HOME=$tmp "$CS" --version | head -1
}

# ---------------------------------------------------------------------------------------------
# Fresh folders and code-server

# Sets W to a fresh folder with home/, data/ (user data), exts/ (extensions) and workspace/.
fresh_folders() {
  W=$(mktemp -d "${TMPDIR:-/tmp}/pillar-e2e-$1.XXXXXX")
  TEMP_DIRS+=("$W")
  mkdir -p "$W/home" "$W/data/User" "$W/exts"
  cp -R "$ROOT/test/e2e/fixtures/workspace" "$W/workspace"
  cat >"$W/data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.enableExperiments": false,
  "files.autoSave": "off",
  "workbench.localHistory.enabled": false,
  "editor.hover.delay": 100,
  "pillar.posture.region": "us-east-1",
  "pillar.posture.regions": ["us-east-1", "eu-west-1"]
}
JSON
}

# Runs "$@" with HOME and the XDG folders inside W: code-server writes its config there on any run.
cs_env() {
  env HOME="$W/home" XDG_CONFIG_HOME="$W/home/.config" XDG_DATA_HOME="$W/home/.local/share" XDG_CACHE_HOME="$W/home/.cache" "$@"
}

cs_args() {
  echo --user-data-dir "$W/data" --extensions-dir "$W/exts" --disable-telemetry --disable-update-check --disable-workspace-trust
}

free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Starts code-server in a new session, so its process group holds everything it starts (extension
# host, file watcher, language server); "$@" is extra environment (NAME=value). Sets URL and CS_PID.
start_code_server() {
  local stage=$1 port deadline
  shift
  port=$(free_port)
  # A background simple command is not a process group leader, so setsid makes its own pid the group id.
  # shellcheck disable=SC2046
  setsid env HOME="$W/home" XDG_CONFIG_HOME="$W/home/.config" XDG_DATA_HOME="$W/home/.local/share" XDG_CACHE_HOME="$W/home/.cache" "$@" \
    "$CS" $(cs_args) --auth none --bind-addr "127.0.0.1:$port" "$W/workspace" >"$ARTIFACTS/$stage-code-server.log" 2>&1 &
  CS_PID=$!
  GROUPS_TO_KILL+=("$CS_PID")
  URL=http://127.0.0.1:$port
  deadline=$(( $(date +%s) + 60 ))
  until node -e "require('http').get(process.argv[1], (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))" "$URL/healthz"; do
    if ! kill -0 "$CS_PID" 2>/dev/null || [ "$(date +%s)" -ge $deadline ]; then
      echo "code-server did not start; see $ARTIFACTS/$stage-code-server.log"
      tail -20 "$ARTIFACTS/$stage-code-server.log"
      return 1
    fi
    sleep 0.2
  done
  [ "$(ps -o pgid= -p "$CS_PID" | tr -d ' ')" = "$CS_PID" ] || { echo "code-server is not a process group leader"; return 1; }
}

# Kills code-server's whole process group and waits until it is gone.
stop_code_server() {
  local group kept=()
  kill -- "-$CS_PID" 2>/dev/null
  wait "$CS_PID" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do pgrep -g "$CS_PID" >/dev/null || break; sleep 0.5; done
  kill -9 -- "-$CS_PID" 2>/dev/null
  for group in "${GROUPS_TO_KILL[@]}"; do [ "$group" = "$CS_PID" ] || kept+=("$group"); done
  GROUPS_TO_KILL=("${kept[@]}")
}

# ---------------------------------------------------------------------------------------------
# The emulated AWS account (moto, from the machine's python3) for the posture view

# Starts moto with a seeded account (test/e2e/moto-account.ts) and sets MOTO_ENV to the
# environment code-server must pass on: the SDK's endpoint and test credentials. Without moto the
# posture tests are skipped, except under CI=true, where that is a failure.
start_moto() {
  local stage=$1 file deadline
  MOTO_ENV=()
  if ! python3 -c 'import moto.server' 2>/dev/null; then
    if [ "${CI:-}" = true ]; then echo "CI=true and moto is missing: pip install 'moto[server]'"; return 1; fi
    echo "moto is not installed (pip install 'moto[server]'): the posture tests are skipped"
    return 0
  fi
  file=$W/moto-endpoint
  setsid node --import tsx test/e2e/moto-account.ts "$file" >"$ARTIFACTS/$stage-moto.log" 2>&1 &
  MOTO_PID=$!
  GROUPS_TO_KILL+=("$MOTO_PID")
  deadline=$(( $(date +%s) + 90 ))
  until [ -s "$file" ]; do
    if ! kill -0 "$MOTO_PID" 2>/dev/null || [ "$(date +%s)" -ge $deadline ]; then
      echo "moto did not start; see $ARTIFACTS/$stage-moto.log"
      tail -20 "$ARTIFACTS/$stage-moto.log"
      return 1
    fi
    sleep 0.2
  done
  MOTO_ENV=(AWS_ENDPOINT_URL="$(cat "$file")" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true PILLAR_E2E_MOTO=1)
}

stop_moto() {
  [ -n "${MOTO_PID:-}" ] || return 0
  kill -- "-$MOTO_PID" 2>/dev/null
  wait "$MOTO_PID" 2>/dev/null
  MOTO_PID=
}

# ---------------------------------------------------------------------------------------------
# Stages

stage_vsix() {
  node test/e2e/check-vsix.mjs "$VSIX" 2>&1 | tee "$ARTIFACTS/vsix.log"
}

stage_nvim() {
  fresh_folders nvim
  # The server as shipped: extracted from the VSIX, not from dist/.
  python3 -m zipfile -e "$VSIX" "$W/vsix" || return 1
  timeout 300 env XDG_CONFIG_HOME="$W/home/.config" XDG_CACHE_HOME="$W/home/.cache" XDG_STATE_HOME="$W/home/.local/state" XDG_DATA_HOME="$W/home/.local/share" \
    PILLAR_SERVER="$W/vsix/extension/dist/server.js" PILLAR_WORKSPACE="$W/workspace" \
    nvim --headless -u NONE -i NONE -n -c "luafile test/e2e/nvim-lsp.lua" 2>&1 | tee "$ARTIFACTS/nvim.log"
}

stage_host() {
  fresh_folders host
  npm run --silent build:e2e || return 1
  start_moto host || return 1
  # The extension host inherits code-server's environment: the suite writes its JSON result there.
  start_code_server host PILLAR_E2E_RESULT="$W/result.json" "${MOTO_ENV[@]}" || return 1
  node test/e2e/run-code-server.mjs --url "$URL" --workspace "$W/workspace" --result "$W/result.json" 2>&1 | tee "$ARTIFACTS/host.log"
  local status=${PIPESTATUS[0]}
  cp "$W/result.json" "$ARTIFACTS/host-result.json" 2>/dev/null
  stop_code_server
  stop_moto
  return "$status"
}

stage_ui() {
  fresh_folders ui
  # shellcheck disable=SC2046
  cs_env "$CS" $(cs_args) --install-extension "$VSIX" >"$ARTIFACTS/ui-install.log" 2>&1 || { cat "$ARTIFACTS/ui-install.log"; return 1; }
  start_moto ui || return 1
  start_code_server ui "${MOTO_ENV[@]}" || return 1
  # The UI script too learns whether an emulated account is there (PILLAR_E2E_MOTO).
  env "${MOTO_ENV[@]}" node test/e2e/ui.mjs --url "$URL" --workspace "$W/workspace" --artifacts "$ARTIFACTS" 2>&1 | tee "$ARTIFACTS/ui.log"
  local status=${PIPESTATUS[0]}
  stop_code_server
  stop_moto
  return "$status"
}

# ---------------------------------------------------------------------------------------------

for stage in "${STAGES[@]}"; do
  case $stage in vsix|nvim|host|ui) ;; *) echo "unknown stage '$stage' (vsix, nvim, host, ui)"; exit 2 ;; esac
done
started=$(date +%s)
mkdir -p "$ARTIFACTS"
if [ ! -f "$VSIX" ]; then
  say "no $VSIX yet: npm run package"
  npm run --silent package >/dev/null || { echo "npm run package failed"; exit 1; }
fi
t0=$(date +%s)
install_debian_packages || { echo "could not install the Debian packages"; exit 1; }
echo "Debian packages ready in $(seconds_since "$t0")s"
t0=$(date +%s)
if needs_browser; then install_code_server || { echo "could not install code-server"; exit 1; }; fi
echo "code-server ready in $(seconds_since "$t0")s"

for stage in "${STAGES[@]}"; do
  say "stage $stage"
  t0=$(date +%s)
  log="$ARTIFACTS/$stage.log"
  rm -f "$log"
  "stage_$stage"
  status=$?
  read -r passed failed < <(if [ -f "$log" ]; then counts_from "$log"; else echo "0 1"; fi)
  # A stage that failed without reporting a failed test still counts one failure.
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  record "$stage" "$passed" "$failed" "$(seconds_since "$t0")"
done

say "real-editor stages ($(seconds_since "$started")s)"
printf '  %s\n' "${RESULTS[@]}"
echo "${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed"
[ "$TOTAL_FAILED" -eq 0 ]
