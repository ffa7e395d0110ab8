#!/usr/bin/env bash
# PgBouncer in transaction pooling in front of the local PostgreSQL, as managed PostgreSQL is
# reached (Supabase, Neon, RDS Proxy, Heroku), and the PostgreSQL database tests once more
# through it (URL ?pooler=transaction; LISTEN over the direct URL, as docs/deployment.md says).
#
#   .ci/pgbouncer.sh          start it, run test/db on PostgreSQL through it, stop it; then
#                             check docs/deployment.md (scripts/check-deployment-doc.mjs)
#   .ci/pgbouncer.sh start    start it and print its URL (left running; for trying things by hand)
#   .ci/pgbouncer.sh stop     stop the one `start` left running
#
# Env: JOBDECK_PGBOUNCER_PORT (default 6433), JOBDECK_PGBOUNCER_DIR (default /tmp/jobdeck-pgbouncer).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${JOBDECK_PGBOUNCER_PORT:-6433}"
dir="${JOBDECK_PGBOUNCER_DIR:-/tmp/jobdeck-pgbouncer}"
direct="postgres://postgres@127.0.0.1:5432/test"
pooled="postgres://postgres@127.0.0.1:${port}/test?pooler=transaction"

if ! command -v pgbouncer >/dev/null && [ ! -x /usr/sbin/pgbouncer ]; then
  echo "pgbouncer is not installed; installing the Debian package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq pgbouncer >/dev/null
fi
pgbouncer_bin="$(command -v pgbouncer || echo /usr/sbin/pgbouncer)"

stop() {
  if [ -f "$dir/pgbouncer.pid" ]; then
    kill "$(cat "$dir/pgbouncer.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$dir/pgbouncer.pid" ] || break; sleep 0.1; done
  fi
}

start() {
  stop
  mkdir -p "$dir"
  # PgBouncer refuses to run as root; it runs as the postgres user, which owns its folder.
  local user="postgres"
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
pool_mode = transaction
; The machine's PostgreSQL allows 100 connections and is shared: the pooler keeps 20 of them.
default_pool_size = 20
max_db_connections = 20
max_client_conn = 2000
log_connections = 0
log_disconnections = 0
logfile = ${dir}/pgbouncer.log
pidfile = ${dir}/pgbouncer.pid
INI
  echo '"postgres" ""' >"$dir/userlist.txt"
  : >"$dir/pgbouncer.log"
  if [ "$(id -u)" = 0 ]; then
    chown -R "$user" "$dir"
    "$pgbouncer_bin" -d -u "$user" "$dir/pgbouncer.ini"
  else
    "$pgbouncer_bin" -d "$dir/pgbouncer.ini"
  fi
  for _ in $(seq 1 50); do
    pg_isready -h 127.0.0.1 -p "$port" -U postgres -d test -q && break
    sleep 0.1
  done
  pg_isready -h 127.0.0.1 -p "$port" -U postgres -d test || { cat "$dir/pgbouncer.log" >&2; exit 1; }
  echo "PgBouncer (transaction pooling) on ${pooled}"
}

case "${1:-test}" in
  start) start ;;
  stop) stop ;;
  test)
    start
    trap stop EXIT
    report="$(mktemp -d)/vitest.json"
    JOBDECK_TEST_DIALECTS=postgres JOBDECK_TEST_POSTGRES_URL="$pooled" JOBDECK_LISTEN_URL="$direct" \
      npx vitest run --project postgres --reporter=default --reporter=json --outputFile.json="$report"
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`tests through PgBouncer: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
      if (r.numTotalTests === 0 || r.numPendingTests + r.numTodoTests > 0) { console.error("no test may be skipped"); process.exit(1); }
    ' "$report"
    # The isolation test drops its own databases (jd_iso_*) WITH (FORCE): the server then closes
    # PgBouncer's idle connections to them, which PgBouncer logs as a warning. Anything else fails.
    if grep -E "WARNING|ERROR" "$dir/pgbouncer.log" | grep -vE "jd_iso_[0-9a-f]+/.*got packet 'E' from server when not linked" >&2; then
      echo "PgBouncer logged errors (above)" >&2
      exit 1
    fi
    stop
    trap - EXIT
    # docs/deployment.md's commands, the PgBouncer walk-through included (starts its own PgBouncer).
    node scripts/check-deployment-doc.mjs
    ;;
  *) echo "usage: $0 [test|start|stop]" >&2; exit 2 ;;
esac
