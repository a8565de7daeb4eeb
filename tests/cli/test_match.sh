#!/bin/sh
# test_match.sh - `samen match` on a fresh demo database (docs/match.md):
# the regional plan covers the demo's lesson request (scheikunde, six
# lessons) without clashes and says it is proven optimal, then the two
# hours-per-week requests (which of several equally good people serve
# them is not fixed, so lines are counted against the printed plan); --dry-run stores nothing; --export writes the
# lessons of each line; a stored plan makes offers that carry their
# lessons, and a second run finds nothing left to plan.
#
# Usage: tests/cli/test_match.sh [PATH/TO/samen]   (default: $SAMEN, else build/samen)
# Prints "N passed, M failed" and exits non-zero when anything failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else bad "$1" "no line with [$2] in $3"; sed 's/^/     | /' "$3" | head -30; fi; }

[ -x "$SAMEN" ] || { echo "no samen binary at $SAMEN"; echo "0 passed, 1 failed"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-match-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset SAMEN_DB
db=$tmp/m.db
q() { sqlite3 "$db" "$1"; }

"$SAMEN" demo --db "$db" >out.txt 2>err.txt
check "demo database made" 0 $?

"$SAMEN" match --dry-run --db "$db" --export plan.csv >out.txt 2>err.txt
check "dry run exits 0" 0 $?
has "all twelve hours covered" "12,00 of 12,00 hours per week covered (dry run: nothing stored)" out.txt
has "six lessons, proven optimal" "lessons: 6 of 6 covered for 1 request(s)" out.txt
has "the lesson part is proven optimal" "proven optimal" out.txt
check "lesson lines name day and period" 2 "$(grep -c ', lessons [a-z][a-z][0-9]' out.txt)"
check "nothing stored in a dry run" 0 "$(q 'SELECT COUNT(*) FROM match_offer')"
has "CSV header names the lessons column" "region;request;school;subject;candidate;board;hours_per_week;travel_minutes;offer;lessons" plan.csv
lines=$(grep -c '^  request ' out.txt)
check "CSV: a row per printed plan line" $((lines + 1)) "$(wc -l <plan.csv | tr -d ' ')"

# No person gives two requested lessons at the same time (same weekday and period).
slots=$(grep -o 'Kandidaat [0-9]*, [^,]*, [^,]*, lessons .*' out.txt | sed 's/,.*lessons / /' |
	awk '{for (i = 3; i <= NF; i++) print $1 $2 "-" $i}' | sort | uniq -d | wc -l)
check "no person twice in one period" 0 "$slots"

"$SAMEN" match --db "$db" >out.txt 2>err.txt
check "stored run exits 0" 0 $?
check "an offer per plan line" "$(grep -c '^  request ' out.txt)" "$(q "SELECT COUNT(*) FROM match_offer WHERE source = 'optimiser'")"
check "the lesson offers carry the six lessons" 6 "$(q 'SELECT COUNT(*) FROM match_offer_lesson')"
check "notifications for the people offered" 1 "$(q "SELECT COUNT(*) > 0 FROM notification")"

"$SAMEN" match --dry-run --db "$db" >out.txt 2>err.txt
has "nothing left to plan" "Region 1: 0 requests" out.txt

"$SAMEN" match --region 999 --db "$db" >out.txt 2>err.txt
check "unknown region exits 1" 1 $?
has "unknown region named" "no region 999" err.txt

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
