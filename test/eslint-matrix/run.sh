#!/usr/bin/env bash
# The ESLint matrix: the rule suites, the plugin's configs and the labelled corpus (precision/recall gate) on every
# supported ESLint major other than the one `npm test` runs (10). Each major is an aliased install (`eslint9`);
# test/support/eslint-major.cjs points every `eslint` import at it.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsc -b
for major in ${AUTH_STATUS_ESLINT_MAJORS:-9}; do
  echo "== ESLint ${major}"
  AUTH_STATUS_ESLINT="${major}" npx mocha --no-config --forbid-only --require tsx/cjs --require ./test/support/eslint-major.cjs \
    --extension ts --timeout 60000 --reporter dot \
    test/packaging/eslint-major.test.ts \
    test/eslint-plugin/plugin.test.ts \
    test/eslint-plugin/challenge-options.test.ts \
    'test/eslint-plugin/rules/*.test.ts' \
    test/accuracy/accuracy.test.ts
done
