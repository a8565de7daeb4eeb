#!/bin/sh
# test_plan.sh - `samen plan` and `samen holidays` end to end through the
# binary (docs/calendar.md): the plan on the real school year 2025-2026 for
# holiday regions noord and zuid (the dates worked out by hand in
# tests/unit/test_planner.c), its rejected weeks, the answer for a series
# that cannot fit and for an unknown region, Koningsdag 2028 and the
# Bevrijdingsdag lustrum rule, the .ics output (stable UIDs), and importing a
# new school year from faulty and good files.
#
# Usage: tests/cli/test_plan.sh [PATH/TO/samen]   (default: $SAMEN, else build/samen)
# Prints "N passed, M failed" and exits non-zero when anything failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac
fixtures=$root/tests/fixtures/calendar

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
has() { if grep -qF -- "$2" "$3"; then ok "$1"; else bad "$1" "no line with [$2] in $3"; sed 's/^/     | /' "$3" | head -30; fi; }

[ -x "$SAMEN" ] || { echo "no samen binary at $SAMEN"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-plan-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset SAMEN_DB
db=$tmp/plan.db

# The plan for noord and zuid, 2025-2026.
"$SAMEN" plan --db "$db" --regions noord,zuid --from 2025-09-01 --to 2026-07-03 --count 6 \
	--weekdays di,do --time 15:30-17:00 --min-gap-weeks 3 --max-gap-weeks 10 >out.txt 2>err.txt
check "plan exits 0" 0 $?
check "six meetings on the hand-worked dates" \
	"2025-09-30 2025-11-18 2026-01-13 2026-03-03 2026-04-14 2026-06-09" \
	"$(grep -E '^ +[0-9]+  20' out.txt | awk '{print $2}' | tr '\n' ' ' | sed 's/ $//')"
has "44 weeks, 37 free" "44 weeks, 37 free; ideal gap 7.3 weeks" out.txt
has "herfst zuid rejected" "2025-W42 (2025-10-13): herfstvakantie (zuid)" out.txt
has "herfst noord rejected" "2025-W43 (2025-10-20): herfstvakantie (noord)" out.txt
has "kerst across the year end" "2026-W01 (2025-12-29): kerstvakantie (noord); kerstvakantie (zuid); Nieuwjaarsdag (do)" out.txt
has "seven rejected weeks" "Rejected weeks (7):" out.txt

# Too many meetings: the binding constraint and the fix, exit 1.
"$SAMEN" plan --db "$db" --regions noord,zuid --from 2025-09-01 --to 2026-07-03 --count 40 \
	--weekdays di,do >out.txt 2>err.txt
check "a series that cannot fit exits 1" 1 $?
has "says why" "The series does not fit. Only 37 free weeks between 2025-09-01 and 2026-07-03 for 40 meetings." out.txt
has "says what would fit" "  - plan 37 meetings instead of 40" out.txt
"$SAMEN" plan --db "$db" --regions zuid --from 2026-06-01 --to 2026-09-30 --count 7 --weekdays di \
	--max-gap-weeks 3 >out.txt 2>err.txt
check "the maximum gap across the summer exits 1" 1 $?
has "names the stretch" "No free week from 2026-07-13 to 2026-08-17 (6 weeks)" out.txt
has "raise the maximum gap" "  - raise the maximum gap to 7 weeks" out.txt

# Bad input.
"$SAMEN" plan --db "$db" --regions noord,oost --from 2025-09-01 --to 2026-07-03 --count 6 \
	--weekdays di >out.txt 2>err.txt
check "an unknown region exits 2" 2 $?
has "names the region" "unknown holiday region 'oost'; use noord, midden or zuid" err.txt
"$SAMEN" plan --db "$db" --regions noord --from 2030-09-02 --to 2031-06-27 --count 6 --weekdays di \
	>out.txt 2>err.txt
check "a year without holidays exits 2" 2 $?
has "asks for an import" "no school holidays are known for region noord in school year 2029-2030" err.txt

# Koningsdag 2028 (Thursday 27 April) lies outside that meivakantie (29 April - 7 May).
"$SAMEN" plan --db "$db" --regions midden --from 2028-04-24 --to 2028-04-28 --count 1 --weekdays do \
	>out.txt 2>err.txt
check "Koningsdag week has no free Thursday" 1 $?
has "Koningsdag alone" "2028-W17 (2028-04-24): Koningsdag" out.txt
# Bevrijdingsdag: a day off in 2025 (lustrum), not in 2027.
"$SAMEN" plan --db "$db" --regions noord --from 2025-05-05 --to 2025-05-09 --count 1 --weekdays ma \
	>out.txt 2>err.txt
check "Bevrijdingsdag 2025 blocks the Monday" 1 $?
has "Bevrijdingsdag named" "2025-W19 (2025-05-05): Bevrijdingsdag" out.txt
"$SAMEN" plan --db "$db" --regions noord --from 2027-05-03 --to 2027-05-07 --count 1 --weekdays wo \
	>out.txt 2>err.txt
check "Bevrijdingsdag 2027 is a school day" 0 $?
has "meeting on 5 May 2027" "2027-05-05" out.txt

# The iCalendar output: valid shape, one VEVENT per meeting, stable UIDs.
"$SAMEN" plan --db "$db" --regions noord,zuid --from 2025-09-01 --to 2026-07-03 --count 6 \
	--weekdays di,do --min-gap-weeks 3 --max-gap-weeks 10 --title "Stuurgroep" \
	--attendee "Marleen de Vries <marleen@example.nl>" --ics a.ics >out.txt 2>err.txt
check "ics written" 0 $?
check "six events" 6 "$(grep -c '^BEGIN:VEVENT' a.ics)"
check "CRLF line ends" "$(wc -l <a.ics | tr -d ' ')" "$(grep -c "$(printf '\r')\$" a.ics)"
has "time zone" "DTSTART;TZID=Europe/Amsterdam:20250930T153000" a.ics
has "attendee" "ATTENDEE;CN=Marleen de Vries;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;" a.ics
"$SAMEN" plan --db "$db" --regions noord,zuid --from 2025-09-01 --to 2026-07-03 --count 6 \
	--weekdays di,do --min-gap-weeks 3 --max-gap-weeks 10 --title "Stuurgroep" --ics b.ics >/dev/null 2>&1
check "the same plan has the same UIDs" "$(grep '^UID' a.ics)" "$(grep '^UID' b.ics)"

# A new school year: faulty files are refused with line and reason, good ones imported once.
"$SAMEN" holidays import --db "$db" "$fixtures/list_faulty.csv" >out.txt 2>err.txt
check "a faulty list exits 1" 1 $?
has "impossible length" "samen: line 2, field end_date: a voorjaarsvakantie lasts 9 days" err.txt
has "end before start" "samen: line 3, field end_date: the voorjaarsvakantie ends (2030-02-16) before it starts (2030-02-24)" err.txt
has "unknown region" "samen: line 4, field region: unknown holiday region 'oost'" err.txt
has "overlap" "samen: line 6, field start_date: overlaps the herfstvakantie zuid of 2029-2030" err.txt
has "nothing written" "was not imported; nothing was written" err.txt
"$SAMEN" holidays import --db "$db" "$fixtures/openholidays_faulty.csv" >out.txt 2>err.txt
check "a faulty OpenHolidays export exits 1" 1 $?
has "the month-late voorjaarsvakantie" "samen: line 2, field end_date: a voorjaarsvakantie lasts 9 days (Saturday to Sunday), not 37" err.txt
"$SAMEN" holidays import --db "$db" "$fixtures/list_2029_2030_example.csv" >out.txt 2>err.txt
check "a good list exits 0" 0 $?
has "weekday range widened" "line 4: a Monday-Friday range, taken as 2029-10-20 to 2029-10-28" out.txt
has "six added" "6 holidays added, 0 replaced, 0 unchanged" out.txt
"$SAMEN" holidays import --db "$db" "$fixtures/openholidays_2029_example.csv" >out.txt 2>err.txt
has "the same year from OpenHolidays is unchanged" "0 holidays added, 0 replaced, 6 unchanged" out.txt
"$SAMEN" holidays list --db "$db" --school-year 2029-2030 >out.txt 2>err.txt
check "six holidays in 2029-2030" 6 "$(grep -c '^2029-2030' out.txt)"
"$SAMEN" holidays import --db "$db" "$fixtures/rijksoverheid_2026_2027.json" --dry-run >out.txt 2>err.txt
has "the government's JSON matches the shipped 2026-2027" "dry run, nothing written" out.txt
has "all fifteen unchanged" "0 holidays added, 0 replaced, 15 unchanged" out.txt

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
