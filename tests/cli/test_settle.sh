#!/bin/sh
# test_settle.sh - `samen settle`, `samen secondment` and `samen ledger` end to end
# on the demo region as of 24 November 2026 (docs/secondment.md): usage errors,
# refused hours with their reasons, the settlement text, CSV/XLSX/UBL files that
# validate against the UBL 2.1 schema, and closing a period.
#
# Usage: tests/cli/test_settle.sh [PATH/TO/samen]. Needs xmllint.
# Prints "N passed, M failed" and exits non-zero when anything failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac
XSD=$root/tests/fixtures/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
check() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi; }
contains() { case "$3" in *"$2"*) ok "$1" ;; *) bad "$1" "[$3] lacks [$2]" ;; esac; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-settle-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export SAMEN_TODAY=2026-11-24 SAMEN_DB="$tmp/demo.db"
"$SAMEN" demo >/dev/null 2>&1; check "demo region created" 0 $?

for c in settle secondment ledger; do
	h=$("$SAMEN" help "$c"); contains "help $c shows its usage" "Usage:" "$h"
done
"$SAMEN" settle >/dev/null 2>&1; check "settle without a period is a usage error" 2 $?
out=$("$SAMEN" settle 2026-13 2>&1); check "a malformed period is a usage error" 2 $?
contains "the reason names the accepted forms" "a quarter (2026-Q4)" "$out"

out=$("$SAMEN" settle 2026-10 2>&1); check "settle 2026-10 exits 0" 0 $?
contains "the settlement is open" "open: figures may still change" "$out"
contains "payments replace invoices" "Payments (2 instead of 4 invoices; at most 2)" "$out"

out=$("$SAMEN" secondment hours 1 --date 2026-10-14 --hours 2 2>&1); check "hours in the herfstvakantie are refused" 1 $?
contains "the reason names the holiday" "herfstvakantie (noord)" "$out"
out=$("$SAMEN" secondment hours 1 --date 2026-10-20 --hours -2 2>&1); check "negative hours are refused" 1 $?
out=$("$SAMEN" secondment hours 1 --date 2027-03-01 --hours 2 2>&1); check "hours after the end are refused" 1 $?
contains "the reason names the dates" "outside the secondment's dates" "$out"
out=$("$SAMEN" secondment hours 1 --date 2026-09-14 --hours 2 2>&1); check "hours in a closed month are refused" 1 $?
contains "the reason names the closed period" "period 2026-09 is closed" "$out"
out=$("$SAMEN" secondment add --lender 41873 --borrower 41873 --school 31KN00 --employee-number 100010 \
	--hours 4 --start 2027-01-04 --end 2027-06-30 --function Docent --purpose Lessen 2>&1)
check "a secondment to the own board is refused" 1 $?
contains "the reason is rule 1" "own board" "$out"
out=$("$SAMEN" secondment add --lender 41873 --borrower 99999 --school 31KN00 --employee-number 100010 \
	--hours 4 --start 2027-01-04 --end 2027-06-30 --function Docent --purpose Lessen 2>&1)
check "an unknown board is refused" 1 $?
contains "the reason names the board" "unknown board 99999" "$out"

out=$("$SAMEN" secondment reminders); contains "the extension talk is a reminder (rule 4)" "extension" "$out"
contains "missing consent is a reminder (rule 3)" "consent" "$out"
out=$("$SAMEN" ledger settings); contains "uncertain settings keep their note" "[UNCERTAIN] Rule 6" "$out"
out=$("$SAMEN" ledger salary --table 2024-01-01); contains "salary values name their source" "onderwijsloket.com" "$out"

out=$("$SAMEN" settle 2026-10 --board 41873 --csv okt.csv --xlsx okt.xlsx --ubl ubl 2>&1)
check "settle with files exits 0" 0 $?
contains "the board's statement ends at its net amount" "net amount:" "$out"
[ -s okt.csv ] && [ -s okt.xlsx ]; check "CSV and XLSX written" 0 $?
n=0
for f in ubl/*.xml; do
	xmllint --noout --schema "$XSD" "$f" 2>/dev/null && n=$((n + 1))
done
check "the board's UBL invoice validates against UBL 2.1" 1 "$n"

out=$("$SAMEN" settle 2026-10 --close 2>&1); check "closing October exits 0" 0 $?
contains "lines are frozen" "line(s) frozen" "$out"
out=$("$SAMEN" settle 2026-10 --close 2>&1); check "closing October twice is refused" 1 $?
contains "the reason says so" "already closed" "$out"
out=$("$SAMEN" secondment hours 1 --date 2026-10-20 --hours 2 2>&1); check "hours in closed October are refused" 1 $?
out=$("$SAMEN" settle 2026-12 --close 2>&1); check "a period that has not ended cannot close" 1 $?

printf '%d passed, %d failed\n' "$pass" "$fail"
[ "$fail" -eq 0 ]
