#!/usr/bin/env bash
# npm start: the extension in a real VS Code (code-server) on the example workspace.
#   1. npm install when needed; the pinned code-server into .work/tools (scripts/tools/ensure.sh)
#   2. build (esbuild) and package the VSIX (vsce; .vscodeignore keeps it to dist/, manifests, README)
#   3. a fresh code-server state in .work/start (own user-data, extensions, config, tmp), the VSIX
#      installed into it, a fresh copy of example/ as the workspace
#   4. code-server on 127.0.0.1:<free port>, no auth; prints the URL. Ctrl+C stops everything.
# Environment: PORT=NNNN to choose the port; WR_START_NO_WAIT=1 to exit once it is up (smoke test).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { echo "[start] $*"; }
t0=$SECONDS

if [ ! -x node_modules/.bin/vsce ] || [ ! -d node_modules/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm install ..."
  npm install --no-audit --no-fund
fi
bash scripts/tools/ensure.sh
# vsce runs package.json's vscode:prepublish (the production build); build here only without one.
node -e 'process.exit(require("./package.json").scripts["vscode:prepublish"] ? 0 : 1)' || { say "building ..."; npm run --silent build; }
mkdir -p .work/start
VSIX="$ROOT/.work/start/weekly-report.vsix"
rm -f "$VSIX"
say "packaging the VSIX ..."
npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license --no-rewrite-relative-links \
  -o "$VSIX" > .work/start/vsce.log 2>&1 || { cat .work/start/vsce.log; echo "[start] vsce package failed" >&2; exit 1; }

STATE=start/state
node test/e2e/lib/cli.js fresh-state "$STATE" >/dev/null
say "installing $(basename "$VSIX") into .work/$STATE ..."
node test/e2e/lib/cli.js install-vsix "$STATE" "$VSIX" >/dev/null
WS="$ROOT/.work/start/example"
rm -rf "$WS"; cp -r example "$WS"

PORT="${PORT:-$(node test/e2e/lib/cli.js free-port)}"
S="$ROOT/.work/$STATE"
LOG="$ROOT/.work/start/code-server.log"
CS_PID=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$CS_PID" ]; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
    say "stopped code-server (pid $CS_PID)"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# setsid: code-server and everything it spawns form one process group, killed together by PID.
XDG_CONFIG_HOME="$S/c" XDG_DATA_HOME="$S/d" TMPDIR="$S/t" setsid .work/tools/node_modules/.bin/code-server \
  --user-data-dir "$S/u" --extensions-dir "$S/x" \
  --bind-addr "127.0.0.1:$PORT" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened \
  "$WS" > "$LOG" 2>&1 &
CS_PID=$!
node test/e2e/lib/cli.js wait-healthz "http://127.0.0.1:$PORT/" 60000 \
  || { tail -30 "$LOG"; echo "[start] code-server did not come up; log: $LOG" >&2; exit 1; }

URL="http://127.0.0.1:$PORT/?folder=$WS"
say "ready in $((SECONDS - t0)) s"
echo
echo "  Weekly Report in VS Code (code-server): $URL"
echo "  workspace: $WS (a fresh copy of example/; see example/README.md for the defects left in)"
echo "  log: $LOG"
echo "  Ctrl+C stops it."
echo
if [ "${WR_START_NO_WAIT:-}" = 1 ]; then exit 0; fi
wait "$CS_PID" || true
