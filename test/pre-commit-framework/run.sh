#!/usr/bin/env bash
# npm run test:pre-commit — the hook in .pre-commit-hooks.yaml under the real pre-commit framework (apt's
# `pre-commit`): a project uses this repository's committed HEAD as its hook repo, the way it would use
# https://github.com/auth-status/auth-status. The npm registry does not have auth-status-cli yet, so the hook's
# additional_dependencies point at tarballs packed from this checkout instead; everything else is as a user has it.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"

if ! command -v pre-commit >/dev/null; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  echo "test:pre-commit: apt-get install pre-commit" >&2
  if ! "${sudo[@]}" apt-get update -qq >&2; then
    cat >&2 <<'BANNER'

##########################################################################################
##   SKIPPED: the pre-commit framework test did NOT run: apt-get could not reach        ##
##   Debian's package servers to install pre-commit. The hook was not checked.          ##
##########################################################################################

BANNER
    exit 0
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends pre-commit >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
fail() {
  echo "test:pre-commit: FAILED: $1" >&2
  exit 1
}

npm pack --silent --pack-destination "$work" -w eslint-plugin-auth-status -w auth-status-cli >/dev/null
plugin_tarball="$(ls "$work"/eslint-plugin-auth-status-*.tgz)"
cli_tarball="$(ls "$work"/auth-status-cli-*.tgz)"

mkdir "$work/app"
cd "$work/app"
git init -q
git config user.email test@example.com
git config user.name test
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $(git -C "$repo" rev-parse HEAD)
    hooks:
      - id: auth-status-lint
        additional_dependencies: ['$plugin_tarball', '$cli_tarball']
YAML
git add .pre-commit-config.yaml
git commit -qm "pre-commit configuration" --no-verify
pre-commit install >/dev/null
started=$(date +%s)
pre-commit install-hooks >/dev/null || fail "pre-commit could not install the hook environment"
echo "test:pre-commit: hook environment installed in $(($(date +%s) - started)) s"

# A wrong status is refused, with the rule's message.
cat >server.js <<'JS'
app.get('/me', (req, res) => {
  if (!req.headers.authorization) return res.status(403).end();
});
JS
git add server.js
if output="$(git commit -qm "403 for a missing token" 2>&1)"; then fail "a commit with a wrong status went through"; fi
grep -q "auth-status/require-401-for-credential-failure" <<<"$output" || fail "the refusal does not name the rule: $output"
echo "test:pre-commit: a 403 for a missing token is refused"

# The staged content is judged: the fix staged, a wrong edit left unstaged, the commit goes through.
cat >server.js <<'JS'
app.get('/me', (req, res) => {
  if (!req.headers.authorization) return res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).end();
});
JS
git add server.js
sed -i 's/status(401)/status(403)/' server.js
git commit -qm "401 with a challenge" >/dev/null 2>&1 || fail "a correct staged file was refused"
grep -q "status(403)" server.js || fail "the unstaged change was lost"
git show HEAD:server.js | grep -q "status(401)" || fail "the commit does not hold the staged content"
echo "test:pre-commit: the staged fix is committed and the unstaged edit kept"

# Files the hook does not look at never reach it.
echo '{ "status": 403 }' >notes.json
git add notes.json
git commit -qm "notes" >/dev/null 2>&1 || fail "a JSON file was linted"
echo "test:pre-commit: passed"
