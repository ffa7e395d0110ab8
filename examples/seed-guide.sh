#!/usr/bin/env bash
# The seed guide's steps over the REST API with curl and a token:
#   JOBDECK_TOKEN=jd_... bash examples/seed-guide.sh [http://127.0.0.1:3000]
# (start Jobdeck first with `npm start`; it prints an admin token on its first start).
set -euo pipefail
API="${1:-http://127.0.0.1:3000}/api"
AUTH="Authorization: Bearer ${JOBDECK_TOKEN:?set JOBDECK_TOKEN}"
call() { curl -sS --fail-with-body -H "$AUTH" -H 'Content-Type: application/json' "$@"; echo; }
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",]*\\).*/\\1/p" | head -n 1; }

echo "== 1. Create a job (it does not run)"
job=$(call -X POST "$API/jobs" -d '{"title": "Wait a bit", "description": "Demo", "task": "demo.wait", "default_queue": "default", "active": true}')
echo "$job"
job_id=$(echo "$job" | field id)

echo "== 2. Configure and run"
run=$(call -X POST "$API/jobs/$job_id/runs" -d '{"title": "First run", "queue": "default", "args": {"seconds": 2}}')
echo "$run"
run_id=$(echo "$run" | field id)
sleep 4

echo "== 3. Read the run and its logs"
call "$API/jobs/$job_id/runs/$run_id"
call "$API/jobs/$job_id/runs/$run_id/logs"

echo "== 4. Schedule it: weekdays at 03:00 in Zurich"
call -X PATCH "$API/jobs/$job_id" -d '{"schedule": {"type": "crontab", "minute": "0", "hour": "3", "day_of_week": "mon-fri", "day_of_month": "*", "month_of_year": "*", "timezone": "Europe/Zurich"}}'

echo "== 5. Stop a running run"
long=$(call -X POST "$API/jobs/$job_id/runs" -d '{"title": "Long run", "args": {"seconds": 60}}')
long_id=$(echo "$long" | field id)
sleep 2
call -X POST "$API/jobs/$job_id/runs/$long_id/actions/stop"
sleep 2
call "$API/jobs/$job_id/runs/$long_id"
