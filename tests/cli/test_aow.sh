#!/bin/sh
# test_aow.sh - `samen aow`: view and replace the AOW-age table of the fact
# base, all or nothing. Usage: tests/cli/test_aow.sh [PATH/TO/samen].
# Needs sqlite3. Prints "N passed, M failed".
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
contains() { case "$3" in *"$2"*) ok "$1" ;; *) bad "$1" "[$3] lacks [$2]" ;; esac; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-aow-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
"$SAMEN" demo --db d.db >/dev/null || { echo "0 passed, 1 failed"; exit 1; }

out=$("$SAMEN" aow list --db d.db)
contains "the built-in table cites SVB" "SVB" "$out"
check "nothing is stored before an import" 0 "$(sqlite3 d.db 'SELECT COUNT(*) FROM pension_age_setting')"
v0=$(sqlite3 d.db 'SELECT version FROM facts_version WHERE id = 1')

cat > good.csv <<'CSV'
born_from;born_to;years;months;law;source
;1959-12-31;67;0;1;SVB
1960-01-01;;67;3;0;assumption: CBS life-expectancy forecast 2026
CSV
out=$("$SAMEN" aow import good.csv --db d.db); check "import exits 0" 0 $?
contains "import reports the rows" "2 row(s)" "$out"
check "two rows stored" "|1959-12-31|67|0|1;1960-01-01||67|3|0" \
	"$(sqlite3 d.db "SELECT COALESCE(born_from,'') || '|' || COALESCE(born_to,'') || '|' || years || '|' || months || '|' || is_law FROM pension_age_setting ORDER BY id" | tr '\n' ';' | sed 's/;$//')"
v1=$(sqlite3 d.db 'SELECT version FROM facts_version WHERE id = 1')
[ "$v1" -gt "$v0" ]; check "the fact-base version moved on (caches recompute)" 0 $?
out=$("$SAMEN" aow list --db d.db)
contains "list shows the assumption" "67 y 3 m  assumption" "$out"

cat > overlap.csv <<'CSV'
born_from;born_to;years;months;law;source
;1960-06-30;67;0;1;SVB
1960-01-01;;67;3;0;guess
CSV
"$SAMEN" aow import overlap.csv --db d.db >/dev/null 2>err.txt; check "overlapping ranges are refused" 1 $?
check "the table is unchanged after the refusal" 2 "$(sqlite3 d.db 'SELECT COUNT(*) FROM pension_age_setting')"
printf 'born_from;born_to;years;months;law;source\n1960-01-01;;67;3;0;\n' > nosource.csv
"$SAMEN" aow import nosource.csv --db d.db >/dev/null 2>err.txt; check "a row without source is refused" 1 $?
contains "the error names line 2 and the field" "line 2, field source" "$(cat err.txt)"
printf 'born_from;born_to;years;months;law;source\n1960-02-30;;67;3;0;x\n' > baddate.csv
"$SAMEN" aow import baddate.csv --db d.db >/dev/null 2>err.txt; check "an impossible date is refused" 1 $?
contains "the error names the field" "field born_from" "$(cat err.txt)"
printf 'born_from;born_to;years;months;law;source\n1960-01-01;;85;0;0;x\n' > old.csv
"$SAMEN" aow import old.csv --db d.db >/dev/null 2>err.txt; check "an age out of range is refused" 1 $?
contains "the error names years" "field years" "$(cat err.txt)"

"$SAMEN" aow reset --db d.db >/dev/null; check "reset exits 0" 0 $?
check "reset empties the stored table" 0 "$(sqlite3 d.db 'SELECT COUNT(*) FROM pension_age_setting')"
check "every change is audited" 2 "$(sqlite3 d.db "SELECT COUNT(*) FROM audit_log WHERE action = 'facts.aow.replace'")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
