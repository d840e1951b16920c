#!/usr/bin/env bash
# npm run test:editors — the language server in real editors, each configured by its README block: Debian's Neovim
# (0.7) and Debian's Emacs (28, with eglot from elpa-eglot). In each, the diagnostic arrives, the preferred quick fix
# applies through the editor's own LSP client, the diagnostic goes away. Installs the editors with apt-get when
# they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"

has_eglot() { command -v emacs >/dev/null && emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; }
missing=()
command -v nvim >/dev/null || missing+=(neovim)
command -v emacs >/dev/null || missing+=(emacs-nox)
# Emacs 29 has eglot built in; Debian 12's Emacs 28 takes it from elpa-eglot.
if ! has_eglot; then
  emacs_major="$(apt-cache policy emacs-nox 2>/dev/null | sed -n 's/^ *Candidate: \([0-9]*:\)\{0,1\}\([0-9]*\).*/\2/p')"
  [ -n "$emacs_major" ] && [ "$emacs_major" -ge 29 ] || missing+=(elpa-eglot)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  echo "test:editors: apt-get install ${missing[*]}" >&2
  if ! "${sudo[@]}" apt-get update -qq >&2; then
    echo "test:editors: SKIPPED, NOT RUN: apt-get could not reach Debian's servers to install ${missing[*]}" >&2
    exit 0
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
has_eglot || { echo "test:editors: FAILED: Emacs has no eglot after installing ${missing[*]:-nothing}" >&2; exit 1; }
[ -f packages/language-server/dist/server.js ] || node_modules/.bin/tsc -b packages/language-server
server_bin="$repo/packages/language-server/bin/auth-status-language-server.js"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A fresh project with one wrong status on line 5, in its own folder per editor.
new_project() {
  mkdir -p "$1"
  cat >"$1/server.js" <<'JS'
const express = require('express');
const app = express();
app.get('/me', (req, res) => {
  const token = req.headers.authorization;
  if (!token) return res.status(403).json({ message: 'No token provided' });
  res.json({ ok: true });
});
JS
}

# Prints the README's code block of the given language that follows the line starting with the given text.
readme_block() {
  awk -v start="$1" -v fence="\`\`\`$2" 'index($0, start) == 1 { found = 1 } found && $0 == fence { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md
}

# Checks one editor's output file: the diagnostic on line 5, and the line the quick fix wrote.
check_result() {
  local editor="$1" out="$2" status="$3"
  cat "$out" 2>/dev/null || true
  [ "$status" -eq 0 ] || { echo "test:editors: FAILED: $editor exited with $status" >&2; exit 1; }
  grep -q "^diagnostic 5:.*auth-status.*require-401-for-credential-failure" "$out" || { echo "test:editors: FAILED: $editor got no auth-status diagnostic on line 5" >&2; exit 1; }
  grep -q "^line after fix: .*status(401).*WWW-Authenticate" "$out" || { echo "test:editors: FAILED: in $editor the quick fix did not respond 401 with a challenge" >&2; exit 1; }
  grep -q "^diagnostics after fix: none" "$out" || { echo "test:editors: FAILED: in $editor the diagnostic stayed after the fix" >&2; exit 1; }
}

# Neovim: the README's Neovim 0.7–0.10 block, word for word, with the server run from this checkout.
readme_block 'On Neovim 0.7 to 0.10' lua \
  | sed "s|cmd = { 'auth-status-language-server', '--stdio' }|cmd = { 'node', '$server_bin', '--stdio' }|" >"$work/init.lua"
grep -q "packages/language-server/bin" "$work/init.lua" || { echo "test:editors: FAILED: no Neovim block with the server command in README.md" >&2; exit 1; }
new_project "$work/neovim"
status=0
(cd "$work/neovim" && OUT="$work/neovim.txt" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  timeout 60 nvim --headless -n -u "$work/init.lua" -c "luafile $repo/test/editors/neovim/check.lua" server.js >/dev/null 2>&1) || status=$?
check_result Neovim "$work/neovim.txt" "$status"
echo "test:editors: Neovim $(nvim --version | head -1 | cut -d' ' -f2) passed"

# Emacs: the README's eglot block, word for word, with the server run from this checkout.
readme_block '**Emacs** with eglot' elisp \
  | sed "s|(\"auth-status-language-server\" \"--stdio\"|(\"node\" \"$server_bin\" \"--stdio\"|" >"$work/init.el"
grep -q "packages/language-server/bin" "$work/init.el" || { echo "test:editors: FAILED: no Emacs block with the server command in README.md" >&2; exit 1; }
new_project "$work/emacs"
status=0
(cd "$work/emacs" && OUT="$work/emacs.txt" HOME="$work" \
  timeout 60 emacs --batch -l "$work/init.el" -l "$repo/test/editors/emacs/check.el" >/dev/null 2>&1) || status=$?
check_result Emacs "$work/emacs.txt" "$status"
eglot_version="$(dpkg-query -W -f='${Version}' elpa-eglot 2>/dev/null || echo 'built in')"
echo "test:editors: Emacs $(emacs --version | head -1 | cut -d' ' -f3) with eglot $eglot_version passed"
