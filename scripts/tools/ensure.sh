#!/usr/bin/env bash
# Installs the pinned tools (scripts/tools/package.json + package-lock.json: code-server) into
# .work/tools inside the checkout — never into the user's home. Idempotent: a stamp holding the
# hash of the lock file makes a second run return at once.
#   bash scripts/tools/ensure.sh            -> prints nothing but errors when already installed
#   bash scripts/tools/ensure.sh --chromium -> also makes sure /usr/bin/chromium exists (apt as root)
# code-server is then at .work/tools/node_modules/.bin/code-server.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SRC="$ROOT/scripts/tools"
DEST="$ROOT/.work/tools"
RG_PKG_VERSION="1.18.0"          # npm @vscode/ripgrep-linux-x64: ships bin/rg
RG_CACHE_VERSION="1.15.11"       # @vscode/ripgrep pinned by code-server 4.100.3's shrinkwrap
RG_CACHE_FILE="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

want_chromium=0
for a in "$@"; do
  case "$a" in
    --chromium) want_chromium=1 ;;
    *) echo "ensure.sh: unknown argument $a" >&2; exit 2 ;;
  esac
done

log() { echo "[tools] $*" >&2; }

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian chromium (apt-get) ..."
    local t0=$SECONDS
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >/dev/null; }
    log "chromium installed in $((SECONDS - t0)) s"
  else
    echo "The browser-driven test needs Debian's chromium at /usr/bin/chromium." >&2
    echo "Install it with:  sudo apt-get install -y chromium   (or run this as root)" >&2
    exit 3
  fi
}

stamp_value() { cat "$SRC/package.json" "$SRC/package-lock.json" | sha256sum | cut -d' ' -f1; node -v; }

installed() { [ -f "$DEST/.installed" ] && [ "$(cat "$DEST/.installed")" = "$(stamp_value)" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; }

ensure_code_server() {
  local stamp="$DEST/.installed"
  installed && return 0
  # One installer at a time (e.g. .ci/run starts one in the background while the unit tests run).
  mkdir -p "$ROOT/.work"
  exec 8>"$ROOT/.work/tools.lock"
  if ! flock -n 8; then
    log "another install of the tools is running; waiting for it (up to 15 min) ..."
    flock -w 900 8 || { echo "ensure.sh: timed out after 900 s waiting for .work/tools.lock" >&2; exit 1; }
  fi
  installed && return 0
  local t0=$SECONDS
  case "$(uname -m)" in
    x86_64) ;;
    *) echo "ensure.sh: only x86_64 Linux is set up (ripgrep cache pre-fill); got $(uname -m)" >&2; exit 3 ;;
  esac
  node -e 'const [M]=process.versions.node.split(".").map(Number); if (M!==20) { console.error("code-server 4.100.3 needs Node 20; this is "+process.version); process.exit(1) }' || exit 3
  if [ "$(id -u)" = 0 ] && command -v dpkg >/dev/null && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    log "installing libkrb5-dev (for code-server's kerberos module) ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libkrb5-dev >/dev/null \
      || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libkrb5-dev >/dev/null; } \
      || log "could not install libkrb5-dev; going on"
  fi
  log "installing code-server (pinned in scripts/tools/package-lock.json) into .work/tools ..."
  rm -rf "$DEST"
  mkdir -p "$DEST/tmp"
  cp "$SRC/package.json" "$SRC/package-lock.json" "$DEST/"
  # code-server's bundled @vscode/ripgrep downloads rg from GitHub in its postinstall; GitHub is
  # unreachable here. Pre-fill its download cache from the npm package that ships rg.
  local rgwork="$DEST/tmp/rg"
  mkdir -p "$rgwork/pkg" "$DEST/tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION"
  (cd "$rgwork" && npm pack --silent "@vscode/ripgrep-linux-x64@$RG_PKG_VERSION" >/dev/null)
  tar -xzf "$rgwork"/vscode-ripgrep-linux-x64-*.tgz -C "$rgwork/pkg"
  local rgbin
  rgbin="$(find "$rgwork/pkg" -type f -name rg | head -1)"
  [ -n "$rgbin" ] || { echo "ensure.sh: no rg binary in @vscode/ripgrep-linux-x64@$RG_PKG_VERSION" >&2; exit 1; }
  chmod +x "$rgbin"
  tar -czf "$DEST/tmp/vscode-ripgrep-cache-$RG_CACHE_VERSION/$RG_CACHE_FILE" -C "$(dirname "$rgbin")" rg
  (
    cd "$DEST"
    export TMPDIR="$DEST/tmp"
    export npm_config_unsafe_perm=true npm_config_yes=true
    export JOBS="${JOBS:-max}"   # node-gyp: compile the native modules on every core
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    npm ci --no-audit --no-fund --loglevel=error > "$DEST/install.log" 2>&1 \
      || { tail -60 "$DEST/install.log" >&2; echo "ensure.sh: npm ci of code-server failed; full log: $DEST/install.log" >&2; exit 1; }
  )
  "$DEST/node_modules/.bin/code-server" --version >/dev/null \
    || { echo "ensure.sh: code-server installed but does not run" >&2; exit 1; }
  rm -rf "$rgwork"
  stamp_value > "$stamp"
  log "code-server installed in $((SECONDS - t0)) s"
}

ensure_code_server
[ "$want_chromium" = 1 ] && ensure_chromium
exit 0
