#!/usr/bin/env bash
# npm run test:e2e — end-to-end tests in a real VS Code (code-server 4.100.3) driven by Chromium.
#   1. pinned tools (.work/tools, scripts/tools/ensure.sh) and Debian chromium (apt as root)
#   2. build + package the VSIX exactly as shipped
#   3. test/e2e/run.js: fresh code-server state, the extension-host mocha suite, the UI pass
# Arguments go to run.js: --only host|ui, --grep preview,authoring (suite file names).
# Last line: `e2e: N passed, M failed`; exit status non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
t0=$SECONDS
mkdir -p .work/e2e
# One e2e run per checkout at a time (they share .work/e2e and .work/artifacts): wait for the other.
exec 9>"$ROOT/.work/e2e.lock"
if ! flock -n 9; then
  echo "[e2e] another e2e run holds .work/e2e.lock; waiting for it (up to 20 min) ..."
  flock -w 1200 9 || { echo "[e2e] timed out after 1200 s waiting for .work/e2e.lock"; echo "e2e: 0 passed, 1 failed"; exit 1; }
fi
PIDFILE="$ROOT/.work/e2e/code-server.pid"
rm -f "$PIDFILE"
# Backstop: whatever happens to the driver, the code-server process group it started dies with us.
cleanup() {
  if [ -s "$PIDFILE" ]; then
    pid="$(cat "$PIDFILE")"
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$PIDFILE"
  fi
}
trap cleanup EXIT

bash scripts/tools/ensure.sh --chromium
t_tools=$((SECONDS - t0))
# vsce runs package.json's vscode:prepublish (the production build); build here only without one.
node -e 'process.exit(require("./package.json").scripts["vscode:prepublish"] ? 0 : 1)' || npm run --silent build
VSIX="$ROOT/.work/e2e/weekly-report.vsix"
rm -f "$VSIX"
npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license --no-rewrite-relative-links \
  -o "$VSIX" > .work/e2e/vsce.log 2>&1 || { cat .work/e2e/vsce.log; echo "[e2e] vsce package failed"; echo "e2e: 0 passed, 1 failed"; exit 1; }
echo "[e2e] tools ${t_tools} s, build+package $((SECONDS - t0 - t_tools)) s"
status=0
WR_E2E_PIDFILE="$PIDFILE" node test/e2e/run.js --vsix "$VSIX" "$@" || status=$?
echo "[e2e] stage took $((SECONDS - t0)) s"
exit "$status"
