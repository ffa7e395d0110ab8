#!/usr/bin/env bash
# Smoke run of the benchmarks that ship with the repository: they compile (dist/, dist-bench/)
# and run end to end at tiny sizes. No thresholds: a shared CI machine's figures mean nothing;
# docs/performance.md says how to measure for real. Takes well under a minute (the first run also
# installs graphile-worker into bench/compare/.peers/ from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
export JOBDECK_BENCH_POSTGRES_URL="${JOBDECK_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
start=$(date +%s)
npm run -s build:bench
node dist-bench/bench/engine.js --runs 2000 --reps 1
node dist-bench/bench/drain.js --runs 500
node dist-bench/bench/drain.js --dialect sqlite --runs 500
node dist-bench/bench/latency.js --dialect sqlite --samples 20
node dist-bench/bench/idle.js --dialect sqlite --seconds 2 --warmup 2
node dist-bench/bench/compare/main.js --quick --sizes 300,600 --latency-samples 20 --latency-budget 10 \
  --drain-budget 20 | tee /tmp/jobdeck-bench-smoke.txt
grep -q 'drain 600 ×: [0-9]' /tmp/jobdeck-bench-smoke.txt
echo "bench smoke: ok in $(( $(date +%s) - start )) s"
