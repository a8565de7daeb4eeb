#!/bin/sh
# test_match_instance.sh - `samen match --instance FILE [--export FILE.csv]`
# end to end through the binary on the fixtures in tests/fixtures/match
# (docs/formats/match-instance.md): the plan of small.json (a clash forces a
# second person for the lessons; the hours part uses the spare hours the
# lessons left; a declined pair is never used) and its objective levels,
# computed by hand in tests/unit/test_match_instance.c; the CSV export;
# travel.json (the reverse travel pair is used, a missing pair makes two
# lessons on one day impossible); bad files exit non-zero naming the field
# path (or line and column) on stderr and write no CSV; --instance refuses
# the database options. No database is touched.
#
# Usage: tests/cli/test_match_instance.sh [PATH/TO/samen]   (default: $SAMEN, else build/samen)
# Prints "N passed, M failed" and exits non-zero when anything failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac
fx=$root/tests/fixtures/match

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else bad "$1" "no line with [$2] in $3"; sed 's/^/     | /' "$3" | head -30; fi; }
hasnt() { if grep -qF -- "$2" "$3"; then bad "$1" "unexpected [$2] in $3"; else ok "$1"; fi; }

[ -x "$SAMEN" ] || { echo "no samen binary at $SAMEN"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-match-instance-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset SAMEN_DB

# small.json: the plan and the objective levels of both parts.
"$SAMEN" match --instance "$fx/small.json" --export plan.csv >out.txt 2>err.txt
check "small.json exits 0" 0 $?
check "nothing on stderr" "" "$(cat err.txt)"
has "summary" "3 requests, 3 pool members, 6 candidate pairs; 7,16 of 10,16 hours per week covered" out.txt
has "lesson summary" "lessons: 2 of 2 covered for 1 request(s), 3 options; proven optimal" out.txt
has "lesson 21 to staff 7" "request 2: staff 7 (board 11), 0,83 h/week, 14 min, lessons 21" out.txt
has "lesson 22 to staff 8 (the clash)" "request 2: staff 8 (board 12), 0,83 h/week, 20 min, lessons 22" out.txt
has "hours: staff 7's spare after the lessons" "request 1: staff 7 (board 11), 4,50 h/week, 14 min" out.txt
has "hours: staff 8 for its own board" "request 3: staff 8 (board 12), 1,00 h/week, 0 min" out.txt
hasnt "declined pair not used" "request 1: staff 9" out.txt
check "four plan lines" 4 "$(grep -c '^  request ' out.txt)"
has "lesson objective" "objective, lessons: 100 of 100 minutes covered (bound 100), priority 100, travel 34, fairness 200" out.txt
has "hours objective" "objective, hours: 22 of 34 quarter hours covered, priority 18, travel 252, fairness 96" out.txt

check "CSV header" "request;staff;board;hours_per_week;travel_minutes;lessons" "$(head -1 plan.csv)"
check "CSV has five lines" 5 "$(wc -l <plan.csv | tr -d ' ')"
has "CSV lesson line 21" "2;7;11;0,83;14;21" plan.csv
has "CSV lesson line 22" "2;8;12;0,83;20;22" plan.csv
has "CSV hours line of request 1" "1;7;11;4,50;14;" plan.csv
has "CSV hours line of request 3" "3;8;12;1,00;0;" plan.csv

# travel.json: 4 -> 1 serves 1 -> 4; school 5 has no pair and is out of reach.
"$SAMEN" match --instance "$fx/travel.json" >out.txt 2>err.txt
check "travel.json exits 0" 0 $?
has "two of three lessons" "lessons: 2 of 3 covered for 3 request(s), 3 options; proven optimal" out.txt
has "lesson 311" "request 31: staff 5 (board 2), 0,83 h/week, 5 min, lessons 311" out.txt
has "lesson 321 after 10 minutes of travel" "request 32: staff 5 (board 2), 0,83 h/week, 5 min, lessons 321" out.txt
hasnt "lesson 331 unreachable" "request 33:" out.txt
hasnt "no hours part" "objective, hours" out.txt

# Bad files: exit code, field path (or line and column), no CSV.
"$SAMEN" match --instance "$fx/bad_time.json" --export bad.csv >out.txt 2>err.txt
check "bad time exits 1" 1 $?
has "bad time names the field" "bad_time.json: requests[1].lessons[0].start: must be HH:MM between 00:00 and 24:00" err.txt
check "no CSV for a bad file" no "$([ -e bad.csv ] && echo yes || echo no)"
check "no plan printed" "" "$(cat out.txt)"
"$SAMEN" match --instance "$fx/bad_ref.json" >out.txt 2>err.txt
check "bad reference exits 1" 1 $?
has "bad reference names the field" "bad_ref.json: candidates[1].request: no request with id 9" err.txt
"$SAMEN" match --instance "$fx/bad_syntax.json" >out.txt 2>err.txt
check "syntax error exits 1" 1 $?
has "syntax error names line and column" "bad_syntax.json: JSON syntax error at line 4, column 14" err.txt
"$SAMEN" match --instance "$tmp/missing.json" >out.txt 2>err.txt
check "missing file exits 1" 1 $?
has "missing file named" "cannot read $tmp/missing.json" err.txt
"$SAMEN" match --instance "$fx/small.json" --region 1 >out.txt 2>err.txt
check "--instance with --region is a usage error" 2 $?
has "says so" "--instance takes only --export" err.txt
"$SAMEN" match --instance "$fx/small.json" --export "$tmp/no/such/dir/plan.csv" >out.txt 2>err.txt
check "unwritable export exits 1" 1 $?
has "unwritable export named" "cannot write $tmp/no/such/dir/plan.csv" err.txt

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
