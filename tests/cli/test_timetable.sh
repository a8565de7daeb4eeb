#!/bin/sh
# test_timetable.sh - `samen import timetable`, `samen timetable-settings`
# and `samen travel-import` end to end through the binary on a fresh demo
# database (docs/match.md, docs/formats/timetables.md): the bell schedule
# and teaching cap land in school_period and match_school_setting; the
# Untis fixtures import with a codes file (5 lessons: lines 4 and 5 are one
# coupled lesson, line 6 has no teacher); an unknown code refuses the whole
# import naming the GPU001 line and writes nothing (codes included); a
# Windows-1252 CRLF export imports; a re-import and a Zermelo import
# replace the school's earlier imported lessons; --dry-run writes nothing;
# travel times import all or nothing.
#
# Usage: tests/cli/test_timetable.sh [PATH/TO/samen]   (default: $SAMEN, else build/samen)
# Prints "N passed, M failed" and exits non-zero when anything failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac
fx=$root/tests/fixtures/timetable

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else bad "$1" "no line with [$2] in $3"; sed 's/^/     | /' "$3" | head -30; fi; }

[ -x "$SAMEN" ] || { echo "no samen binary at $SAMEN"; echo "0 passed, 1 failed"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-timetable-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset SAMEN_DB
db=$tmp/tt.db
q() { sqlite3 "$db" "$1"; }

"$SAMEN" demo --db "$db" >out.txt 2>err.txt
check "demo database made" 0 $?
kn=$(q "SELECT id FROM school WHERE brin = '31KN' AND vestiging = '00'")
ak=$(q "SELECT id FROM school WHERE brin = '27AK' AND vestiging = '00'")
kn_lessons() { q "SELECT COUNT(*) FROM match_lesson WHERE school_id = $kn AND source $1"; }
demo_before=$(q "SELECT COUNT(*) FROM match_lesson WHERE source = 'demo'")

# Settings: ten periods (the GPU001 fixture uses period 9), cap 750.
"$SAMEN" timetable-settings --db "$db" --school 31KN00 --max-teaching-hours 750 \
	--bell "1=08:30-09:20,2=09:20-10:10,3=10:10-11:00,4=11:15-12:05,5=12:05-12:55,6=13:25-14:15,7=14:15-15:05,8=15:05-15:55,9=15:55-16:45,10=16:45-17:35,lesson=50" \
	>out.txt 2>err.txt
check "timetable-settings exits 0" 0 $?
check "ten periods stored" 10 "$(q "SELECT COUNT(*) FROM school_period WHERE school_id = $kn")"
check "period 9 is 15:55-16:45" "955|1005" "$(q "SELECT start_min, end_min FROM school_period WHERE school_id = $kn AND period = 9")"
check "lesson length and cap stored" "50|750.0" "$(q "SELECT lesson_minutes, teaching_cap FROM match_school_setting WHERE school_id = $kn")"
"$SAMEN" timetable-settings --db "$db" --school 31KN00 --bell "1=08:30-09:20,2=09:10-10:00" >out.txt 2>err.txt
check "overlapping periods refused" 1 $?
check "schedule unchanged after refusal" 10 "$(q "SELECT COUNT(*) FROM school_period WHERE school_id = $kn")"

# Codes of board 1 (31KN00) by personeelsnummer.
e() { q "SELECT employee_number FROM employment WHERE board_id = (SELECT board_id FROM school WHERE id = $kn) ORDER BY employee_number LIMIT 1 OFFSET $1"; }
printf 'code;personeelsnummer\r\nBAK;%s\r\nDEV;%s\r\nEKS;%s\r\n' "$(e 0)" "$(e 1)" "$(e 2)" >partial.csv
printf 'code;personeelsnummer\nBAK;%s\nDEV;%s\nEKS;%s\nJAN;%s\nHER;%s\nSMI;%s\nkzp;%s\nabc;%s\n' \
	"$(e 0)" "$(e 1)" "$(e 2)" "$(e 3)" "$(e 4)" "$(e 5)" "$(e 6)" "$(e 7)" >codes.csv

# An unknown code (JAN, GPU001 line 7) refuses everything.
"$SAMEN" import timetable --db "$db" --school 31KN00 --gpu001 "$fx/gpu001_utf8_lf.txt" \
	--gpu004 "$fx/gpu004_utf8_lf.txt" --codes partial.csv >out.txt 2>err.txt
check "unknown code exits 1" 1 $?
has "the error names the line" "line 7, field teacher: teacher code 'JAN' is not known at this school" err.txt
check "no lessons written" 0 "$(kn_lessons "IN ('untis','zermelo')")"
check "no codes written" 0 "$(q "SELECT COUNT(*) FROM teacher_code")"

# Dry run: checks everything, writes nothing.
"$SAMEN" import timetable --db "$db" --school 31KN00 --gpu001 "$fx/gpu001_utf8_lf.txt" \
	--gpu004 "$fx/gpu004_utf8_lf.txt" --codes codes.csv --dry-run >out.txt 2>err.txt
check "dry run exits 0" 0 $?
has "dry run reports" "dry run: would import 5 lessons of 4 teachers" out.txt
check "dry run wrote no lessons" 0 "$(kn_lessons "= 'untis'")"
check "dry run wrote no codes" 0 "$(q "SELECT COUNT(*) FROM teacher_code")"

# The real import.
"$SAMEN" import timetable --db "$db" --school 31KN00 --gpu001 "$fx/gpu001_utf8_lf.txt" \
	--gpu004 "$fx/gpu004_utf8_lf.txt" --codes codes.csv >out.txt 2>err.txt
check "Untis import exits 0" 0 $?
has "import reports" "imported 5 lessons of 4 teachers for school 31KN00 (untis); 0 earlier lessons replaced, 8 codes set" out.txt
check "five Untis lessons" 5 "$(kn_lessons "= 'untis'")"
check "eight codes" 8 "$(q "SELECT COUNT(*) FROM teacher_code WHERE school_id = $kn")"
check "coupled lesson of EKS at period 9" "H4a~H4b|ak|3|955|1005|$(q "SELECT person_id FROM employment WHERE employee_number = '$(e 2)' AND board_id = (SELECT board_id FROM school WHERE id = $kn)")" \
	"$(q "SELECT class_name, subject_code, weekday, start_min, end_min, person_id FROM match_lesson WHERE school_id = $kn AND period = 9")"
check "audit entry" 1 "$(q "SELECT COUNT(*) FROM audit_log WHERE action = 'timetable.import'")"

# Windows-1252 CRLF export (codes already known): replaces the five lessons.
"$SAMEN" import timetable --db "$db" --school 31KN00 --gpu001 "$fx/gpu001_cp1252_crlf.txt" \
	--gpu004 "$fx/gpu004_cp1252_crlf.txt" >out.txt 2>err.txt
check "Windows-1252 CRLF import exits 0" 0 $?
has "re-import replaces" "imported 2 lessons of 2 teachers for school 31KN00 (untis); 5 earlier lessons replaced" out.txt
check "two Untis lessons left" 2 "$(kn_lessons "= 'untis'")"
check "French on Tuesday period 5 (12:05)" "A2c|fr|2|5|725" \
	"$(q "SELECT class_name, subject_code, weekday, period, start_min FROM match_lesson WHERE school_id = $kn AND subject_code = 'fr'")"

# Zermelo replaces the Untis lessons; the demo's own lessons stay.
"$SAMEN" import timetable --db "$db" --school 31KN00 --zermelo "$fx/zermelo_dst.json" >out.txt 2>err.txt
check "Zermelo import exits 0" 0 $?
check "no Untis lessons left" 0 "$(kn_lessons "= 'untis'")"
check "three Zermelo lessons" 3 "$(kn_lessons "= 'zermelo'")"
check "demo lessons untouched" "$demo_before" "$(q "SELECT COUNT(*) FROM match_lesson WHERE source = 'demo'")"

# Codes of another board are refused.
printf 'HER;%s\n' "$(e 0)" >otherboard.csv
"$SAMEN" import timetable --db "$db" --school 27AK00 --gpu001 "$fx/gpu001_cp1252_crlf.txt" \
	--gpu004 "$fx/gpu004_cp1252_crlf.txt" --codes otherboard.csv >out.txt 2>err.txt
check "employee of another board refused" 1 $?
has "names the codes line" "line 1, field personeelsnummer" err.txt
check "nothing for 27AK00" 0 "$(q "SELECT COUNT(*) FROM match_lesson WHERE school_id = $ak AND source = 'untis'")"

# Travel times, all or nothing.
printf 'from_brinvest;to_brinvest;minutes\r\n31KN00;27AK00;14\r\n27AK00;31KN00;16\r\n' >travel.csv
"$SAMEN" travel-import --db "$db" travel.csv >out.txt 2>err.txt
check "travel import exits 0" 0 $?
check "both directions stored" "14 16" \
	"$(q "SELECT minutes FROM travel_time WHERE (from_school_id = $kn AND to_school_id = $ak) OR (from_school_id = $ak AND to_school_id = $kn) ORDER BY minutes" | tr '\n' ' ' | sed 's/ $//')"
printf '31KN00;27AK00;20\n27AK00;99XX00;15\n' >travel_bad.csv
"$SAMEN" travel-import --db "$db" travel_bad.csv >out.txt 2>err.txt
check "bad travel file exits 1" 1 $?
has "names the line" "line 2, field school: no school 99XX00" err.txt
check "first row not written" 14 "$(q "SELECT minutes FROM travel_time WHERE from_school_id = $kn AND to_school_id = $ak")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
