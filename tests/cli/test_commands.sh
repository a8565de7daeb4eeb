#!/bin/sh
# test_commands.sh - the administrative commands end to end: help, init,
# migrate, user add/passwd, backup, serve start-up errors and usage errors.
#
# Usage: tests/cli/test_commands.sh [PATH/TO/samen]. Needs sqlite3 and curl.
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
contains() { case "$3" in *"$2"*) ok "$1" ;; *) bad "$1" "[$3] lacks [$2]" ;; esac; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/samen-cmd-test-XXXXXX")
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset SAMEN_DB

# Help: every command explains itself; unknown commands are usage errors.
out=$("$SAMEN" --help); check "--help exits 0" 0 $?
for c in init serve migrate demo import export user backup; do
	contains "--help lists $c" "  $c" "$out"
	h=$("$SAMEN" help "$c"); contains "help $c shows its usage" "Usage:" "$h"
done
"$SAMEN" frobnicate >/dev/null 2>&1; check "unknown command exits 2" 2 $?
"$SAMEN" help frobnicate >/dev/null 2>&1; check "help for an unknown command exits 2" 2 $?

# init + migrate are idempotent.
out=$("$SAMEN" init --db a.db --admin-email beheer@voorbeeld.nl --admin-password 'lang-genoeg-123')
check "init with admin exits 0" 0 $?
check "init created one admin" "admin" "$(sqlite3 a.db "SELECT role FROM app_user WHERE email='beheer@voorbeeld.nl'")"
hash=$(sqlite3 a.db "SELECT password_hash FROM app_user")
contains "password stored as Argon2id" '$argon2id$' "$hash"
out=$("$SAMEN" migrate --db a.db); contains "second migrate applies nothing" "applied 0 migration(s)" "$out"
check "municipalities loaded once" 342 "$(sqlite3 a.db 'SELECT COUNT(*) FROM municipality')"
"$SAMEN" init --db a.db --admin-email beheer@voorbeeld.nl --admin-password 'lang-genoeg-123' >/dev/null 2>err.txt
check "a second admin with the same e-mail is refused" 1 $?
contains "the refusal names the e-mail" "e-mail" "$(cat err.txt)"

# user add: each role needs its scope; weak passwords are refused.
"$SAMEN" demo --db d.db >/dev/null; check "demo database created" 0 $?
board=$(sqlite3 d.db "SELECT id FROM board ORDER BY id LIMIT 1")
school=$(sqlite3 d.db "SELECT id FROM school WHERE board_id=$board ORDER BY id LIMIT 1")
"$SAMEN" user add --db d.db --email hr.nieuw@voorbeeld.nl --role hr --board "$board" --password 'wachtwoord-123' >/dev/null
check "user add hr with a board" 0 $?
"$SAMEN" user add --db d.db --email x@voorbeeld.nl --role hr --password 'wachtwoord-123' >/dev/null 2>err.txt
check "hr without a board is refused" 1 $?
contains "the refusal names the board" "board" "$(cat err.txt)"
"$SAMEN" user add --db d.db --email y@voorbeeld.nl --role school_leader --school 999999 --password 'wachtwoord-123' >/dev/null 2>err.txt
check "school leader of an unknown school is refused" 1 $?
"$SAMEN" user add --db d.db --email z@voorbeeld.nl --role staff --board "$board" --password 'kort' >/dev/null 2>err.txt
check "a short password is refused" 1 $?
contains "the refusal explains the length" "10 characters" "$(cat err.txt)"
"$SAMEN" user add --db d.db --email q@voorbeeld.nl --role koning --password 'wachtwoord-123' >/dev/null 2>&1
check "an unknown role is a usage error" 2 $?
"$SAMEN" user add --db d.db --email s.l@voorbeeld.nl --role school_leader --school "$school" --password 'wachtwoord-123' >/dev/null
check "school leader gets the school's board" "$board" "$(sqlite3 d.db "SELECT board_id FROM app_user WHERE email='s.l@voorbeeld.nl'")"

# Serve, sign in, change the password: the old session ends.
port=$((20000 + $$ % 20000))
"$SAMEN" serve --db d.db --port "$port" --quiet >serve.out 2>&1 &
server=$!
i=0; until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; do i=$((i+1)); [ $i -gt 100 ] && break; sleep 0.05; done
check "serve answers health" 0 "$(curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null; echo $?)"
code=$(curl -s -o /dev/null -w '%{http_code}' -c jar -H 'Content-Type: application/json' \
	-d '{"email":"hr.nieuw@voorbeeld.nl","password":"wachtwoord-123"}' "http://127.0.0.1:$port/api/v1/session")
check "the new account signs in" 201 "$code"
check "its session works" 200 "$(curl -s -o /dev/null -w '%{http_code}' -b jar "http://127.0.0.1:$port/api/v1/session")"
SAMEN_PASSWORD='ander-wachtwoord-456' "$SAMEN" user passwd --db d.db --email hr.nieuw@voorbeeld.nl >/dev/null
check "user passwd exits 0" 0 $?
check "the old session has ended" 401 "$(curl -s -o /dev/null -w '%{http_code}' -b jar "http://127.0.0.1:$port/api/v1/session")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
	-d '{"email":"hr.nieuw@voorbeeld.nl","password":"ander-wachtwoord-456"}' "http://127.0.0.1:$port/api/v1/session")
check "the new password works" 201 "$code"
"$SAMEN" user passwd --db d.db --email niemand@voorbeeld.nl --password 'wachtwoord-123' >/dev/null 2>&1
check "passwd for an unknown account fails" 1 $?

# A second server on the same port fails clearly.
"$SAMEN" serve --db d.db --port "$port" >/dev/null 2>err.txt
check "a taken port is an error" 1 $?
contains "the error names the port" "$port" "$(cat err.txt)"

# Backup while the server runs: a consistent, usable copy.
"$SAMEN" backup --db d.db kopie.db >/dev/null; check "backup exits 0" 0 $?
check "the copy has every person" "$(sqlite3 d.db 'SELECT COUNT(*) FROM person')" "$(sqlite3 kopie.db 'SELECT COUNT(*) FROM person')"
check "the copy passes an integrity check" ok "$(sqlite3 kopie.db 'PRAGMA integrity_check')"
"$SAMEN" backup --db d.db /nonexistent/dir/x.db >/dev/null 2>&1
check "backup to an impossible path fails" 1 $?

# Graceful stop on SIGTERM.
kill -TERM "$server"; wait "$server"; rc=$?; server=""
check "serve stops cleanly on SIGTERM" 0 "$rc"
contains "shutdown is logged" '"event":"shutdown"' "$(cat serve.out)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
