#!/bin/sh
# bench/match/run_lessons.sh - Samen's lesson-level staffing optimiser
# (src/optim/lessons.c on COIN-OR CBC) against GLPK's MIP solver.
#
# Builds the generator, Samen's driver (src/optim/lessons.c compiled with
# the same -O2 as meson's debugoptimized build, linked to Debian's CBC) and
# the GLPK driver (Debian libglpk-dev, GPL: a separate program, never linked
# into samen); generates the instances with fixed seeds; solves each with
# Samen (median of REPEAT fresh solves), writes every stage's 0-1 program
# in MPS, solves those with GLPK (glp_intopt) and with plain CBC; checks that
# every stage optimum is identical; prints times and ratios. Exits non-zero
# on any mismatch or when Samen does not prove optimality.
#
# Usage: bench/match/run_lessons.sh [regional|tight|mid|all]   (default: all)
# Environment: OUT (work directory, default /tmp/samen-bench-lessons),
#              GLPK_LIMIT (seconds GLPK may take per stage, default 120).
# Figures are printed, never asserted by tests; see bench/match/LESSONS.md.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${OUT:-/tmp/samen-bench-lessons}
glpk_limit=${GLPK_LIMIT:-120}
which=${1:-all}
mkdir -p "$out"

need=""
for p in coinor-libcbc-dev libglpk-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
  echo "installing$need"
  apt-get install -y $need >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y $need >/dev/null; }
fi

cflags="-O2 -std=c17 -D_GNU_SOURCE -Wall -Wextra"
cbc_cflags=$(pkg-config --cflags cbc)
cbc_libs=$(pkg-config --libs cbc)
cc $cflags -I"$root/src" -o "$out/gen_lessons" "$here/gen_lessons.c" "$root/src/util/rng.c" -lm
cc $cflags -I"$root/src" $cbc_cflags -o "$out/bench_lessons" "$here/bench_lessons.c" \
  "$root/src/optim/lessons.c" "$root/src/util/err.c" $cbc_libs -lm
cc $cflags -DWITH_CBC $cbc_cflags -o "$out/glpk_mip_driver" "$here/glpk_mip_driver.c" -lglpk $cbc_libs -lm

get() { # get KEY FILE: the value of KEY=value in FILE
  tr ' ' '\n' < "$2" | sed -n "s/^$1=//p" | head -n 1
}

fail=0
run() { # run NAME REQUESTS STAFF SCHOOLS BOARDS KM K SEED REPEAT
  name=$1; repeat=$9
  inst="$out/$name.txt"
  rm -f "$out/$name"-stage*
  "$out/gen_lessons" "$2" "$3" "$4" "$5" "$6" "$7" "$8" > "$inst"
  echo "== $name: $2 requests x $3 staff, $4 schools, $5 boards, $7 candidates/request (seed $8)"
  "$out/bench_lessons" "$inst" "$out/$name" "$repeat" > "$out/$name.samen"
  sed -n '1,3p;5p' "$out/$name.samen" | sed 's/^/   /'
  stages=$(get dumped_stages "$out/$name.samen")
  for f in "$out/$name"-stage*.mps.gz; do gunzip -f "$f"; done
  if timeout $((glpk_limit * stages + 60)) "$out/glpk_mip_driver" "$out/$name" "$stages" "$glpk_limit" \
      > "$out/$name.glpk"; then :; else fail=1; fi
  "$out/glpk_mip_driver" --cbc "$out/$name" "$stages" 2>/dev/null > "$out/$name.cbc" || fail=1
  sed 's/^/   /' "$out/$name.glpk"
  s_status=$(get samen_status "$out/$name.samen"); s_ms=$(get samen_solve_ms "$out/$name.samen")
  s_cpu=$(get samen_cpu_ms "$out/$name.samen")
  g_ms=$(get glpk_total_ms "$out/$name.glpk"); c_ms=$(get cbc_total_ms "$out/$name.cbc")
  g_same=$(get glpk_all_same "$out/$name.glpk"); c_same=$(get cbc_all_same "$out/$name.cbc")
  echo "   samen  ${s_ms} ms wall, ${s_cpu} ms CPU (median of $repeat), status $s_status"
  echo "   glpk   ${g_ms} ms (glp_intopt on the $stages stage programs), same optima: $g_same"
  echo "   cbc    ${c_ms} ms (plain CBC on the same files), same optima: $c_same"
  awk -v s="$s_ms" -v g="$g_ms" -v c="$c_ms" \
    'BEGIN { printf "   ratio  glpk/samen %.2f   cbc/samen %.2f\n", g / s, c / s }'
  [ "$s_status" = optimal ] || { echo "   MISMATCH: samen did not prove optimality"; fail=1; }
  [ "$g_same" = 1 ] || { echo "   MISMATCH: GLPK's optimum differs"; fail=1; }
  [ "$c_same" = 1 ] || { echo "   MISMATCH: CBC's optimum differs"; fail=1; }
}

case $which in
  regional|all) run regional 300 3000 50 12 40 60 11 5 ;;
esac
case $which in
  tight|all) run tight 300 600 50 12 40 60 11 5 ;;
esac
case $which in
  mid|all) run mid 1000 10000 150 25 70 60 12 3 ;;
esac
exit $fail
