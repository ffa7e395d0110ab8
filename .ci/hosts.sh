#!/usr/bin/env bash
# The across-hosts suite: a database host, two worker hosts and a server host, each a network
# namespace (ip netns + veth; needs root and iproute2), with a private PostgreSQL cluster on the
# database host. Fails (never skips) when the namespaces cannot be built.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ip >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq iproute2 >/dev/null; }
report="$(mktemp -d)/hosts.json"
npm run test:hosts -- --reporter=default --reporter=json --outputFile.json="$report"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`across-hosts tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  if (r.numTotalTests === 0 || r.numPendingTests + r.numTodoTests > 0) { console.error("no across-hosts test may be skipped"); process.exit(1); }
' "$report"
