#!/usr/bin/env bash
# bench/run.sh - build and run the foundation benchmarks, print a table of
# the figures and whether each target is met (see bench/README.md).
#
# Usage: bench/run.sh
#   BUILD=DIR       meson build directory (default: build-bench in the repo;
#                   created with `meson setup` when missing)
#   BENCH_PORT=N    first of four loopback ports to use (default 18180)
#   BENCH_SECONDS=N wrk duration per run (default 10)
#   BENCH_REPEAT=N  bench_import runs on SQLite; the median counts (default 3)
#   BENCH_PG=0      skip the PostgreSQL import run
#
# Everything listens on and is loaded from 127.0.0.1 only. Servers run with
# --quiet and are stopped (kill + wait) at the end, also on error or Ctrl-C.
# Raw outputs (wrk, bench_import, server logs) are kept in
# $BUILD/bench-results/YYYYMMDD-HHMMSS/. Figures are printed, never
# asserted: the exit status is 0 when every benchmark ran, whether or not
# its target was met, and 1 when one could not run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench}
PORT=${BENCH_PORT:-18180}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
REPEAT=${BENCH_REPEAT:-3}
RESULTS=$BUILD/bench-results/$(date +%Y%m%d-%H%M%S)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/samen-bench-XXXXXX")
PIDS=()

cleanup() {
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${PIDS[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
	PIDS=()
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '== %s\n' "$*" >&2; }
die() {
	printf 'bench/run.sh: %s\n' "$*" >&2
	exit 1
}

# ---- build ----
if [[ ! -f $BUILD/build.ninja ]]; then
	say "meson setup $BUILD"
	meson setup "$BUILD" "$ROOT" >/dev/null
fi
say "ninja -C $BUILD"
ninja -C "$BUILD" samen bench/bench_import bench/mhd_ceiling >/dev/null
SAMEN=$BUILD/samen
mkdir -p "$RESULTS"

if ! command -v wrk >/dev/null 2>&1; then
	say "installing wrk"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
command -v curl >/dev/null || die "curl is needed"

# ---- the machine ----
CPU_MODEL=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
{
	echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit:    $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
	echo "nproc:     $(nproc)"
	echo "cpu:       $CPU_MODEL"
	echo "memory:    $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
	echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (at start)"
	echo "sqlite:    $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?')"
	echo "wrk:       wrk -t2 -c64 -d${SECONDS_PER_RUN}s --latency"
} | tee "$RESULTS/machine.txt" >&2
LOAD_START=$(cut -d' ' -f1 /proc/loadavg)
BUSY=$(awk -v l="$LOAD_START" 'BEGIN { print (l > 0.5) ? 1 : 0 }')
if [[ $BUSY == 1 ]]; then
	say "WARNING: load average $LOAD_START before starting: other work shares the CPUs and lowers the figures"
fi

# ---- demo databases ----
say "samen demo --size regional / national"
"$SAMEN" demo --db "$WORK/regional.db" --size regional >"$RESULTS/demo-regional.txt"
"$SAMEN" demo --db "$WORK/national.db" --size national >"$RESULTS/demo-national.txt"
tail -3 "$RESULTS/demo-national.txt" >&2

# ---- import ----
field() { # field NAME LINE: value of NAME=... in a RESULT line
	sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"
}

say "bench_import on SQLite ($REPEAT runs, the median counts)"
rates=()
for ((i = 1; i <= REPEAT; i++)); do
	"$BUILD/bench/bench_import" >"$RESULTS/import-sqlite-$i.txt"
	line=$(grep '^RESULT' "$RESULTS/import-sqlite-$i.txt")
	echo "   run $i: $line" >&2
	rates+=("$(field rows_per_s "$line") $(field peak_rss_kib "$line") $(field cpu_seconds "$line")")
done
mapfile -t sorted < <(printf '%s\n' "${rates[@]}" | sort -n)
read -r IMPORT_SQLITE IMPORT_RSS IMPORT_CPU <<<"${sorted[$(((REPEAT - 1) / 2))]}"

IMPORT_PG=""
if [[ ${BENCH_PG:-1} != 0 && -x $ROOT/scripts/with-postgres ]] && command -v pg_virtualenv >/dev/null 2>&1; then
	say "bench_import on PostgreSQL (scripts/with-postgres)"
	# shellcheck disable=SC2016 # expanded inside with-postgres
	if "$ROOT/scripts/with-postgres" bash -c '
		set -euo pipefail
		psql "$SAMEN_TEST_PG" -q -c "CREATE DATABASE bench_import"
		base=${SAMEN_TEST_PG%%\?*}
		query=${SAMEN_TEST_PG#"$base"}
		"$1" --db "${base%/*}/bench_import$query"
	' _ "$BUILD/bench/bench_import" >"$RESULTS/import-pg.txt" 2>"$RESULTS/import-pg.err"; then
		line=$(grep '^RESULT' "$RESULTS/import-pg.txt")
		echo "   $line" >&2
		IMPORT_PG=$(field rows_per_s "$line")
	else
		say "PostgreSQL import failed; see $RESULTS/import-pg.err"
		tail -5 "$RESULTS/import-pg.err" >&2
	fi
else
	say "PostgreSQL not available (scripts/with-postgres, pg_virtualenv): skipped"
fi

# ---- HTTP ----
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Start a server in the background on port $1 (the rest is the command);
# wait until it answers.
start_server() {
	local port=$1 log=$2 url=$3
	shift 3
	port_free "$port" || die "port $port on 127.0.0.1 is in use (set BENCH_PORT)"
	"$@" >"$log" 2>&1 &
	PIDS+=($!)
	local i
	for ((i = 0; i < 100; i++)); do
		if curl -s -o /dev/null "$url"; then
			return 0
		fi
		kill -0 "${PIDS[-1]}" 2>/dev/null || die "server exited; see $log"
		sleep 0.1
	done
	die "server on port $port did not answer; see $log"
}

stop_servers() {
	local pid
	for pid in "${PIDS[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	PIDS=()
}

# run_wrk NAME URL [wrk args...]: sets RPS, P99 (ms) and ERRS (wrk's socket
# errors: connect, read, write, timeout; a request over --timeout 10s counts
# as a timeout and is missing from the latencies); keeps the output.
# Two threads and 64 connections unless WRK_T / WRK_C say otherwise.
run_wrk() {
	local name=$1 url=$2
	shift 2
	say "wrk $name: $url"
	wrk -t"${WRK_T:-2}" -c"${WRK_C:-64}" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "$@" \
		"$url" >"$RESULTS/wrk-$name.txt"
	RPS=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$RESULTS/wrk-$name.txt")
	P99=$(awk '$1 == "99%" {
		v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000; else if (u == "m") v *= 60000
		printf "%.2f", v }' "$RESULTS/wrk-$name.txt")
	ERRS=$(awk '/Socket errors:/ {n = 0; for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0; print n}' \
		"$RESULTS/wrk-$name.txt")
	ERRS=${ERRS:-0}
	local bad
	bad=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$RESULTS/wrk-$name.txt")
	echo "   $RPS requests/s, p99 $P99 ms, $ERRS socket errors${bad:+, $bad non-2xx/3xx responses}" >&2
	[[ -z $bad ]] || die "wrk $name got error responses; see $RESULTS/wrk-$name.txt"
	[[ -n $RPS && -n $P99 ]] || die "cannot read wrk output $RESULTS/wrk-$name.txt"
	sleep 2 # let the server finish what wrk left in flight before the next run
}

# The ceiling.
start_server "$PORT" "$RESULTS/ceiling.log" "http://127.0.0.1:$PORT/" \
	"$BUILD/bench/mhd_ceiling" --port "$PORT"
run_wrk ceiling "http://127.0.0.1:$PORT/"
CEIL_RPS=$RPS CEIL_P99=$P99 CEIL_ERRS=$ERRS
stop_servers

# The application at one size: health, then the signed-in staff list.
bench_app() {
	local size=$1 port=$2 base="http://127.0.0.1:$2"
	start_server "$port" "$RESULTS/serve-$size.log" "$base/api/v1/health" \
		"$SAMEN" serve --db "$WORK/$size.db" --port "$port" --quiet
	run_wrk "health-$size" "$base/api/v1/health"
	HEALTH_RPS[$size]=$RPS HEALTH_P99[$size]=$P99 HEALTH_ERRS[$size]=$ERRS
	local reply cookie board status
	reply=$(curl -s -D "$WORK/headers-$size" -H 'Content-Type: application/json' \
		-d '{"email":"hr.b1@demo.samen.nl","password":"samen-demo-2026"}' "$base/api/v1/session")
	cookie=$(awk 'tolower($1) == "set-cookie:" && $2 ~ /^samen_session=/ {sub(/;.*/, "", $2); print $2}' \
		"$WORK/headers-$size" | tr -d '\r')
	board=$(jq -r '.user.board_id' <<<"$reply")
	[[ -n $cookie && $board =~ ^[0-9]+$ ]] || die "sign-in failed at $size size: $reply"
	local path="/besturen/$board/personeel"
	status=$(curl -s -o "$RESULTS/staff-$size.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
	[[ $status == 200 ]] || die "GET $path gave $status, not 200, at $size size"
	STAFF_ROWS[$size]=$(grep -o '<tr' "$RESULTS/staff-$size.html" | wc -l)
	STAFF_BYTES[$size]=$(wc -c <"$RESULTS/staff-$size.html")
	# For context only (no target): one connection, so no queueing. It runs
	# first: after a 64-connection run a slow server still works off the
	# requests wrk left in flight.
	WRK_T=1 WRK_C=1 run_wrk "staff-$size-c1" "$base$path" -H "Cookie: $cookie"
	STAFF1_RPS[$size]=$RPS STAFF1_P99[$size]=$P99 STAFF1_ERRS[$size]=$ERRS
	run_wrk "staff-$size" "$base$path" -H "Cookie: $cookie"
	STAFF_RPS[$size]=$RPS STAFF_P99[$size]=$P99 STAFF_ERRS[$size]=$ERRS
	stop_servers
}

declare -A HEALTH_RPS HEALTH_P99 HEALTH_ERRS STAFF_RPS STAFF_P99 STAFF_ERRS STAFF1_RPS STAFF1_P99 \
	STAFF1_ERRS STAFF_ROWS STAFF_BYTES
bench_app regional $((PORT + 1))
bench_app national $((PORT + 2))

# ---- the table ----
met() { if [[ $1 == 1 ]]; then echo "met"; else echo "MISSED"; fi; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? 1 : 0 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? 1 : 0 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }

RATIO_REG=$(ratio "${HEALTH_RPS[regional]}" "$CEIL_RPS")
RATIO_NAT=$(ratio "${HEALTH_RPS[national]}" "$CEIL_RPS")
STAFF_OK=$(lt "${STAFF_P99[regional]}" 20)
[[ ${STAFF_ERRS[regional]} == 0 ]] || STAFF_OK=0
{
	echo
	echo "Samen foundation benchmarks, $(date -u +%Y-%m-%d) ($(nproc) CPUs, $CPU_MODEL, load $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
	echo
	row() { printf '%-44s %12s %9s %6s  %-28s %s\n' "$@"; }
	row "benchmark" "requests/s" "p99 ms" "errors" "target" "result"
	row "--------------------------------------------" "------------" "---------" "------" "----------------------------" "------"
	row "import 80,000 staff, SQLite (rows/s, median)" "$IMPORT_SQLITE" "-" "-" ">= 100000 rows/s" "$(met "$(ge "$IMPORT_SQLITE" 100000)")"
	row "import 80,000 staff, PostgreSQL (rows/s)" "${IMPORT_PG:-n/a}" "-" "-" "-" "-"
	row "libmicrohttpd ceiling (fixed reply)" "$CEIL_RPS" "$CEIL_P99" "$CEIL_ERRS" "-" "-"
	row "GET /api/v1/health, regional" "${HEALTH_RPS[regional]}" "${HEALTH_P99[regional]}" "${HEALTH_ERRS[regional]}" ">= 0.5 x ceiling (is $RATIO_REG)" "$(met "$(ge "$RATIO_REG" 0.5)")"
	row "GET /api/v1/health, national" "${HEALTH_RPS[national]}" "${HEALTH_P99[national]}" "${HEALTH_ERRS[national]}" ">= 0.5 x ceiling (is $RATIO_NAT)" "$(met "$(ge "$RATIO_NAT" 0.5)")"
	row "staff list page, regional (signed in)" "${STAFF_RPS[regional]}" "${STAFF_P99[regional]}" "${STAFF_ERRS[regional]}" "p99 < 20 ms, no errors" "$(met "$STAFF_OK")"
	row "staff list page, national (signed in)" "${STAFF_RPS[national]}" "${STAFF_P99[national]}" "${STAFF_ERRS[national]}" "-" "-"
	row "staff list, regional, 1 connection (info)" "${STAFF1_RPS[regional]}" "${STAFF1_P99[regional]}" "${STAFF1_ERRS[regional]}" "-" "-"
	row "staff list, national, 1 connection (info)" "${STAFF1_RPS[national]}" "${STAFF1_P99[national]}" "${STAFF1_ERRS[national]}" "-" "-"
	echo
	echo "import: peak RSS ${IMPORT_RSS} KiB, ${IMPORT_CPU} s CPU in the import (median run)"
	echo "staff list page (board of hr.b1): ${STAFF_BYTES[regional]} bytes, ${STAFF_ROWS[regional]} <tr> (regional);" \
		"${STAFF_BYTES[national]} bytes, ${STAFF_ROWS[national]} <tr> (national)"
	echo "rows without a target are context; every wrk run is -t2 -c64 -d${SECONDS_PER_RUN}s --timeout 10s"\
		"unless it says 1 connection (-t1 -c1); errors = wrk socket errors (timeouts included)"
	if [[ $BUSY == 1 ]]; then
		echo "WARNING: the 1-minute load average was $LOAD_START before the run: other processes shared the CPUs"
	fi
	echo "raw outputs: $RESULTS"
} | tee "$RESULTS/summary.txt"
