#!/usr/bin/env bash
# Dependency check for what Jobdeck ships (production dependencies only):
# 1. `npm audit --omit=dev --audit-level=high`: fails on a high or critical advisory.
#    Some registries (mirrors, proxies) do not answer the audit endpoint; then this says so
#    plainly and goes on with the checks below, which need no network (docs/security.md,
#    "Dependencies", describes the manual advisory check to do in that case).
# 2. Licences: every production package in package-lock.json must carry a licence from the list
#    below; a new one fails until someone has read it and added it here.
set -uo pipefail
cd "$(dirname "$0")/.."

out="$(npm audit --omit=dev --audit-level=high 2>&1)"
status=$?
if [ "$status" -eq 0 ]; then
  echo "npm audit: no high or critical advisory in production dependencies"
elif grep -qiE 'audit endpoint returned an error|404 Not Found|405 Method Not Allowed|ENOTFOUND|ECONNREFUSED|EAI_AGAIN' <<<"$out"; then
  echo "npm audit: THE REGISTRY DID NOT ANSWER THE AUDIT ENDPOINT; advisories were NOT checked here."
  echo "  Do the manual check of docs/security.md (Dependencies) before a release."
  grep -iE 'audit|error' <<<"$out" | head -n 3 | sed 's/^/  /'
else
  echo "$out"
  echo "npm audit: high or critical advisories in production dependencies (above)" >&2
  exit 1
fi

node -e '
  const allowed = new Set(["MIT", "MIT-0", "ISC", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BlueOak-1.0.0",
    "0BSD", "(MIT OR WTFPL)", "(BSD-2-Clause OR MIT OR Apache-2.0)"]);
  const lock = require("./package-lock.json");
  const bad = [];
  let n = 0;
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (!path || meta.dev || meta.devOptional) continue;
    n += 1;
    if (!allowed.has(meta.license ?? "")) bad.push(`${path.replace(/.*node_modules\//, "")}: ${meta.license ?? "no licence"}`);
  }
  if (bad.length) { console.error("licences not on the list in .ci/audit.sh:\n  " + bad.join("\n  ")); process.exit(1); }
  console.log(`licences: ${n} production packages, all on the list`);
'
