#!/usr/bin/env bash
# test_concurrent_migrate.sh - several `samen` processes starting at once on one
# fresh PostgreSQL database all succeed (the advisory lock in migrate.c).
# Needs SAMEN_TEST_PG (scripts/with-postgres). Prints "N passed, M failed".
set -uo pipefail
bin="${SAMEN_BIN:-build/samen}"
pass=0; fail=0
check() { if [ "$1" = 0 ]; then pass=$((pass+1)); echo "ok - $2"; else fail=$((fail+1)); echo "not ok - $2"; fi; }
for round in 1 2 3; do
  db="samen_mig_$$_$round"
  psql "$SAMEN_TEST_PG" -q -c "CREATE DATABASE $db" || exit 1
  url=$(python3 -c 'import sys,urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/"+sys.argv[2])))' "$SAMEN_TEST_PG" "$db")
  pids=()
  for i in 1 2 3 4; do "$bin" migrate --db "$url" >/tmp/mig.$$.$i 2>&1 & pids+=($!); done
  rc=0
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  check "$rc" "round $round: four concurrent migrate processes succeed"
  applied=$(cat /tmp/mig.$$.* | grep -o 'applied [0-9]*' | awk '{s+=$2} END {print s}')
  want=$(ls sql/pg/*.sql | wc -l)
  [ "$applied" = "$want" ]; check $? "round $round: migrations applied exactly once in total ($applied of $want)"
  rm -f /tmp/mig.$$.*
  psql "$SAMEN_TEST_PG" -q -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
