#!/usr/bin/env bash
# npm run test:editors — the language server in a real Neovim (Debian's, 0.7), configured by the README's block:
# the squiggle's diagnostic arrives, the preferred quick fix applies through Neovim's own LSP client, the
# diagnostic goes away. Installs Neovim with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"

if ! command -v nvim >/dev/null; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  echo "test:editors: apt-get install neovim" >&2
  if ! "${sudo[@]}" apt-get update -qq >&2; then
    echo "test:editors: SKIPPED, NOT RUN: apt-get could not reach Debian's servers to install Neovim" >&2
    exit 0
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends neovim >&2
fi
[ -f packages/language-server/dist/server.js ] || node_modules/.bin/tsc -b packages/language-server

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/project"
cat >"$work/project/server.js" <<'JS'
const express = require('express');
const app = express();
app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  if (!token) return res.status(403).json({ message: 'No token provided' });
  res.json({ ok: true });
});
JS

# The README's Neovim 0.7–0.10 block, word for word, with the server run from this checkout.
awk '/^On Neovim 0.7 to 0.10/ { found = 1 } found && /^```lua$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md \
  | sed "s|cmd = { 'auth-status-language-server', '--stdio' }|cmd = { 'node', '$repo/packages/language-server/bin/auth-status-language-server.js', '--stdio' }|" \
  >"$work/init.lua"
grep -q "packages/language-server/bin" "$work/init.lua" || { echo "test:editors: FAILED: no Neovim block with the server command in README.md" >&2; exit 1; }

cd "$work/project"
export OUT="$work/result.txt"
status=0
HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  timeout 60 nvim --headless -n -u "$work/init.lua" \
  -c "luafile $repo/test/editors/neovim/check.lua" server.js >/dev/null 2>&1 || status=$?
cat "$OUT" 2>/dev/null || true
if [ "$status" -ne 0 ]; then
  echo "test:editors: FAILED: Neovim exited with $status" >&2
  exit 1
fi
grep -q "^diagnostic 5:.*auth-status.*require-401-for-credential-failure" "$OUT" || { echo "test:editors: FAILED: no auth-status diagnostic on line 5" >&2; exit 1; }
grep -q "^line after fix: .*status(401).*WWW-Authenticate" "$OUT" || { echo "test:editors: FAILED: the quick fix did not respond 401 with a challenge" >&2; exit 1; }
echo "test:editors: Neovim $(nvim --version | head -1 | cut -d' ' -f2) passed"
