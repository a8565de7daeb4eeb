#!/usr/bin/env bash
# bench/facts/run.sh - the fact base benchmarks (issue 3); figures go to
# bench/facts/README.md by hand. Needs a built tree (BUILD, default build)
# and wrk. Only loopback traffic, bounded in time.
#   1. bench_facts: indicators and forecast at national size, in memory;
#   2. the dashboard under wrk: the national demo's largest region (about
#      50 locations and 3,000 staff: "regional size"), signed in as admin,
#      after one warm-up request (the fact base is cached per data version).
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
SECS=${SECS:-10}
"$BUILD/bench/bench_facts"
tmp=$(mktemp -d)
trap 'kill $srv 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$BUILD/samen" demo --db "$tmp/n.db" --size national >/dev/null
region=$(sqlite3 "$tmp/n.db" "SELECT b.region_id FROM employment e JOIN board b ON b.id = e.board_id
  GROUP BY b.region_id ORDER BY COUNT(*) DESC LIMIT 1")
sizes=$(sqlite3 "$tmp/n.db" "SELECT (SELECT COUNT(*) FROM school s JOIN board b ON b.id = s.board_id WHERE b.region_id = $region),
  (SELECT COUNT(*) FROM employment e JOIN board b ON b.id = e.board_id WHERE b.region_id = $region)")
port=$((20000 + RANDOM % 20000))
"$BUILD/samen" serve --db "$tmp/n.db" --port "$port" --quiet &
srv=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.1; done
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
  -d '{"email":"admin@demo.samen.nl","password":"samen-demo-2026"}' "http://127.0.0.1:$port/api/v1/session" |
  sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)
url="http://127.0.0.1:$port/feiten/$region"
first=$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$url")
echo "dashboard of region $region ($sizes locations|employments): first request (builds the fact base) ${first}s"
wrk -t2 -c16 -d"${SECS}s" --latency -H "Cookie: $cookie" "$url" | sed -n '1,20p'
api="http://127.0.0.1:$port/api/v1/facts/$region"
wrk -t2 -c16 -d"${SECS}s" --latency -H "Cookie: $cookie" "$api" | grep -E 'Requests/sec|99%|50%'
