#!/bin/sh
# test_import_export.sh - the staff import and the exports, end to end through
# the `samen` binary (docs/formats/staff-csv.md, docs/formats/exports.md).
#
# Usage: tests/cli/test_import_export.sh [PATH/TO/samen]
#        (default: $SAMEN, else build/samen next to this tree)
#        pg_virtualenv tests/cli/test_import_export.sh [PATH/TO/samen]
#        also runs the round trip on a throwaway PostgreSQL cluster.
#
# Needs sqlite3 (the command-line shell) to copy boards and schools into a
# fresh database and to compare databases independently of the exporter,
# and unzip to check XLSX files. Prints "N passed, M failed" and exits
# non-zero when anything failed.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
SAMEN=${1:-${SAMEN:-$root/build/samen}}
case $SAMEN in /*) ;; *) SAMEN=$(pwd)/$SAMEN ;; esac
fixtures=$root/tests/fixtures/staff

pass=0
fail=0
ok() { pass=$((pass + 1)); printf 'ok   %s\n' "$1"; }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$1"; [ $# -gt 1 ] && printf '     %s\n' "$2"; }
# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "expected [$2], got [$3]"; fi
}

for tool in sqlite3 unzip; do
	command -v $tool >/dev/null || { echo "$tool is needed"; echo "0 passed, 1 failed"; exit 1; }
done
[ -x "$SAMEN" ] || { echo "no samen binary at $SAMEN"; echo "0 passed, 1 failed"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-cli-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export SAMEN_TODAY=2026-09-01
unset SAMEN_DB

# --- A: the demo region -------------------------------------------------------
"$SAMEN" demo --db A.db >demo.out 2>&1 || { cat demo.out; bad "samen demo"; }
boards=$(sqlite3 A.db "SELECT bestuursnummer FROM board ORDER BY bestuursnummer")
check "demo has 3 boards" 3 "$(echo "$boards" | wc -l | tr -d ' ')"

# An independent dump of a database's staff, straight from the tables.
dump() {
	sqlite3 -separator '|' "$1" "
	SELECT b.bestuursnummer, e.employee_number, p.first_name, p.last_name, p.birth_date,
	       COALESCE(p.email, ''), c.kind, printf('%.4f', c.hours_per_year), c.salary_scale,
	       c.salary_step, c.start_date, COALESCE(c.end_date, '')
	  FROM employment e JOIN board b ON b.id = e.board_id JOIN person p ON p.id = e.person_id
	  JOIN contract c ON c.employment_id = e.id
	 ORDER BY 1, 2;
	SELECT b.bestuursnummer, e.employee_number, s.brin, s.vestiging, printf('%.6f', a.fte_share)
	  FROM assignment a JOIN employment e ON e.id = a.employment_id
	  JOIN board b ON b.id = e.board_id JOIN school s ON s.id = a.school_id
	 ORDER BY 1, 2, 3, 4;
	SELECT b.bestuursnummer, e.employee_number, q.subject_code, q.level
	  FROM qualification q JOIN employment e ON e.person_id = q.person_id
	  JOIN board b ON b.id = e.board_id
	 ORDER BY 1, 2, 3;
	SELECT 'people', COUNT(*) FROM person;
	SELECT 'contracts', COUNT(*) FROM contract;"
}

# A fresh database holding only A's region, boards and schools.
fresh() {
	"$SAMEN" init --db "$1" >/dev/null 2>&1 || bad "samen init $1"
	sqlite3 "$1" "ATTACH 'A.db' AS a;
		INSERT INTO region SELECT * FROM a.region;
		INSERT INTO board SELECT * FROM a.board;
		INSERT INTO school SELECT * FROM a.school;"
}

# --- exports of A ---------------------------------------------------------------
for b in $boards; do
	"$SAMEN" export staff --board "$b" --importable --format csv --out "imp_$b.csv" --db A.db \
		>/dev/null || bad "export --importable $b"
done
first=$(echo "$boards" | head -1)
n_first=$(sqlite3 A.db "SELECT COUNT(*) FROM employment e JOIN board b ON b.id = e.board_id
	WHERE b.bestuursnummer = '$first'")
check "importable export: header + one line per employment" $((n_first + 1)) \
	"$(grep -c . "imp_$first.csv")"
check "importable header (BOM, ';', import columns)" \
	"$(printf '\357\273\277')personeelsnummer;voornaam;achternaam;geboortedatum;email;contractsoort;uren_per_jaar;schaal;trede;begindatum;einddatum;brin;vestiging;aandeel;bevoegdheden" \
	"$(head -1 "imp_$first.csv" | tr -d '\r')"
check "CSV lines end in CRLF" "$((n_first + 1))" "$(grep -c "$(printf '\r')\$" "imp_$first.csv")"
check "export file mode 0600" "-rw-------" "$(ls -l "imp_$first.csv" | cut -c1-10)"

"$SAMEN" export staff --board "$first" --out "staff_$first.csv" --db A.db >export.out
check "export prints what it wrote" "exported $n_first people to staff_$first.csv" "$(cat export.out)"
check "staff export header" \
	"personeelsnummer;naam;geboortedatum;leeftijd;contractsoort;uren_per_jaar;fte;schaal;trede;begindatum;einddatum;scholen;bevoegdheden" \
	"$(head -1 "staff_$first.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')"
# The first person: leeftijd and fte worked out from the database by hand rules.
row=$(sed -n 2p "staff_$first.csv" | tr -d '\r')
empno=$(echo "$row" | cut -d';' -f1)
hours=$(sqlite3 A.db "SELECT c.hours_per_year FROM contract c JOIN employment e ON e.id = c.employment_id
	JOIN board b ON b.id = e.board_id WHERE b.bestuursnummer = '$first' AND e.employee_number = '$empno'")
fte=$(awk -v h="$hours" 'BEGIN { printf "%.4f", h / 1659 }' | tr . ,)
check "fte column = uren / 1659 with 4 decimals" "$fte" "$(echo "$row" | cut -d';' -f7)"
birth=$(echo "$row" | cut -d';' -f3)
age=$(awk -v b="$birth" 'BEGIN { split(b, d, "-"); a = 2026 - d[1]; if (d[2] > 9 || (d[2] == 9 && d[3] > 1)) a--; print a }')
check "leeftijd on SAMEN_TODAY" "$age" "$(echo "$row" | cut -d';' -f4)"

"$SAMEN" export staff --board "$first" --format xlsx --out "staff_$first.xlsx" --db A.db >/dev/null
if unzip -tq "staff_$first.xlsx" >/dev/null 2>&1; then ok "XLSX is a valid zip"; else bad "XLSX is a valid zip"; fi
sheet=$(unzip -p "staff_$first.xlsx" xl/worksheets/sheet1.xml)
check "XLSX has header + one row per employment" "$((n_first + 1))" \
	"$(echo "$sheet" | grep -o '<row ' | wc -l | tr -d ' ')"
case $sheet in *'state="frozen"'*) ok "XLSX header frozen" ;; *) bad "XLSX header frozen" ;; esac

"$SAMEN" export overview --out overview.csv --db A.db >/dev/null
check "overview header" "bestuursnummer;naam;scholen;personen;fte" \
	"$(head -1 overview.csv | tr -d '\r' | sed 's/^\xef\xbb\xbf//')"
want=$(sqlite3 -separator ';' A.db "SELECT b.bestuursnummer,
	(SELECT COUNT(*) FROM school s WHERE s.board_id = b.id),
	(SELECT COUNT(*) FROM employment e WHERE e.board_id = b.id)
	FROM board b ORDER BY 1")
check "overview counts per board" "$want" \
	"$(tail -n +2 overview.csv | tr -d '\r' | cut -d';' -f1,3,4)"
"$SAMEN" export overview --format xlsx --out overview.xlsx --db A.db >/dev/null &&
	unzip -tq overview.xlsx >/dev/null 2>&1 && ok "overview XLSX" || bad "overview XLSX"

# --- round trip into B ----------------------------------------------------------
fresh B.db
people_a=$(sqlite3 A.db "SELECT COUNT(*) FROM person")
emps_a=$(sqlite3 A.db "SELECT COUNT(*) FROM employment")
linked=0
for b in $boards; do
	out=$("$SAMEN" import staff "imp_$b.csv" --board "$b" --db B.db 2>&1)
	n=$(grep -c . "imp_$b.csv")
	n=$((n - 1))
	case $out in
	"imported $n rows for board $b: "*" updated") ok "import $b: $out" ;;
	*) bad "import $b" "$out" ;;
	esac
	l=$(echo "$out" | sed -n 's/.* \([0-9]*\) linked.*/\1/p')
	linked=$((linked + ${l:-0}))
done
check "people employed by two boards are linked, not duplicated" $((emps_a - people_a)) "$linked"
dump A.db >dump_a.txt
dump B.db >dump_b.txt
check "the dump covers every contract" "contracts|$emps_a" "$(grep '^contracts|' dump_a.txt)"
if cmp -s dump_a.txt dump_b.txt; then
	ok "round trip: same people, contracts, schools, shares and qualifications"
else
	bad "round trip: databases differ" "$(diff dump_a.txt dump_b.txt | head -5)"
fi
for b in $boards; do
	"$SAMEN" export staff --board "$b" --importable --out "imp2_$b.csv" --db B.db >/dev/null
	if cmp -s "imp_$b.csv" "imp2_$b.csv"; then ok "re-export of $b is byte-identical"; else bad "re-export of $b differs"; fi
done

# Importing the same file again updates and changes nothing.
out=$("$SAMEN" import staff "imp_$first.csv" --board "$first" --db B.db 2>&1)
check "re-import updates everyone" "imported $n_first rows for board $first: 0 new people, 0 linked, $n_first updated" "$out"
dump B.db >dump_b2.txt
if cmp -s dump_a.txt dump_b2.txt; then ok "re-import changes nothing"; else bad "re-import changed data"; fi

# An importable XLSX export keeps codes such as vestiging "00" as text, so a
# spreadsheet does not turn them into the number 0.
"$SAMEN" export staff --board "$first" --importable --format xlsx --out "imp_$first.xlsx" --db A.db >/dev/null &&
	unzip -tq "imp_$first.xlsx" >/dev/null 2>&1 && ok "importable XLSX" || bad "importable XLSX"
case $(unzip -p "imp_$first.xlsx" xl/sharedStrings.xml) in
*'<t>00</t>'*) ok "importable XLSX keeps vestiging 00 as text" ;;
*) bad "importable XLSX keeps vestiging 00 as text" ;;
esac

# --- errors: nothing is written -------------------------------------------------
fresh C.db
before=$(dump C.db)
# line 5 gets an impossible birth date
awk -F';' 'BEGIN { OFS = ";" } NR == 5 { $4 = "2026-02-30" } { print }' "imp_$first.csv" >bad_date.csv
err=$("$SAMEN" import staff bad_date.csv --board "$first" --db C.db 2>&1)
rc=$?
check "bad date: exit 1" 1 "$rc"
check "bad date: message names line and field" \
	"samen: line 5, field geboortedatum: '2026-02-30' is not a real date" "$err"
# the last row gets a school of another board: only the store sees it
other=$(sqlite3 A.db "SELECT s.brin FROM school s JOIN board b ON b.id = s.board_id
	WHERE b.bestuursnummer <> '$first' ORDER BY s.id LIMIT 1")
last=$((n_first + 1))
awk -F';' -v l="$last" -v o="$other" 'BEGIN { OFS = ";" } NR == l { $12 = o; $13 = "00"; $14 = "1" } { print }' \
	"imp_$first.csv" >bad_school.csv
err=$("$SAMEN" import staff bad_school.csv --board "$first" --db C.db 2>&1)
rc=$?
check "school of another board: exit 1" 1 "$rc"
case $err in "samen: line $last, field brin: "*) ok "school error names line $last, field brin" ;;
*) bad "school error names the line" "$err" ;; esac
check "failed imports wrote nothing" "$before" "$(dump C.db)"

out=$("$SAMEN" import staff "imp_$first.csv" --board "$first" --db C.db --dry-run 2>&1)
check "dry run reports" "dry run: $n_first rows for board $first are valid and would give $n_first new people, 0 linked, 0 updated; nothing was written" "$out"
check "dry run wrote nothing" "$before" "$(dump C.db)"

err=$("$SAMEN" import staff "imp_$first.csv" --board 00000 --db C.db 2>&1)
check "unknown board" "samen: field bestuursnummer: no board with bestuursnummer 00000" "$err"

: >big.csv
truncate -s 65M big.csv 2>/dev/null || dd if=/dev/zero of=big.csv bs=1M count=0 seek=65 2>/dev/null
err=$("$SAMEN" import staff big.csv --board "$first" --db C.db 2>&1)
rc=$?
check "file over 64 MiB refused" "1:samen: staff file big.csv is 68157440 bytes; the limit is 67108864 bytes (64 MiB); split the file and import the parts" "$rc:$err"
rm -f big.csv

err=$("$SAMEN" import staff "$fixtures/err_unknown_column.csv" --board "$first" --db C.db 2>&1)
check "unknown columns listed" "samen: line 1, field geslacht: unknown columns 'geslacht', 'telefoon' under mapping 'samen' (see docs/formats/staff-csv.md)" "$err"

# --- a mapped HR export ---------------------------------------------------------
brin=$(sqlite3 A.db "SELECT s.brin FROM school s JOIN board b ON b.id = s.board_id
	WHERE b.bestuursnummer = '$first' AND s.vestiging = '01' ORDER BY s.id LIMIT 1")
sed "s/14AB/$brin/g" "$fixtures/afas.csv" >afas.csv
out=$("$SAMEN" import staff afas.csv --board "$first" --mapping afas --db C.db 2>&1)
check "AFAS export imports" "imported 2 rows for board $first: 2 new people, 0 linked, 0 updated" "$out"
got=$(sqlite3 -separator '|' C.db "SELECT p.last_name, c.kind, c.hours_per_year FROM person p
	JOIN employment e ON e.person_id = p.id JOIN contract c ON c.employment_id = e.id
	WHERE e.employee_number IN ('4711', '4712') ORDER BY e.employee_number")
check "AFAS: tussenvoegsel, contract text and percentage converted" \
	"van der Berg|vast|1327.2
Smit|tijdelijk|837.8" "$got"

# --- PostgreSQL (inside pg_virtualenv) ------------------------------------------
if [ -n "${PGDATABASE:-}" ] && command -v createdb >/dev/null; then
	createdb samen_test_a && createdb samen_test_b || bad "createdb"
	pga="postgresql:///samen_test_a"
	pgb="postgresql:///samen_test_b"
	"$SAMEN" demo --db "$pga" >/dev/null 2>&1 || bad "demo on PostgreSQL"
	"$SAMEN" export staff --board "$first" --importable --out pg_imp.csv --db "$pga" >/dev/null
	if cmp -s "imp_$first.csv" pg_imp.csv; then ok "PostgreSQL export equals SQLite export"; else bad "PostgreSQL export differs from SQLite"; fi
	"$SAMEN" init --db "$pgb" >/dev/null 2>&1
	pg_dump --data-only -t region -t board -t school samen_test_a | psql -q samen_test_b >/dev/null
	out=$("$SAMEN" import staff pg_imp.csv --board "$first" --db "$pgb" 2>&1)
	check "PostgreSQL import" "imported $n_first rows for board $first: $n_first new people, 0 linked, 0 updated" "$out"
	"$SAMEN" export staff --board "$first" --importable --out pg_imp2.csv --db "$pgb" >/dev/null
	if cmp -s pg_imp.csv pg_imp2.csv; then ok "PostgreSQL round trip"; else bad "PostgreSQL round trip differs"; fi
	"$SAMEN" export overview --out pg_overview.csv --db "$pga" >/dev/null
	if cmp -s overview.csv pg_overview.csv; then ok "PostgreSQL overview equals SQLite"; else bad "PostgreSQL overview differs"; fi
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
