#!/bin/sh
# bench/match/run.sh - Samen's staffing optimiser against LEMON and GLPK.
#
# Builds the generator, Samen's driver (src/optim compiled with the same -O2
# as meson's debugoptimized build), the LEMON driver (Debian liblemon-dev)
# and the GLPK driver (Debian libglpk-dev, GPL: a separate program, never
# linked into samen); generates the instances with fixed seeds; solves each
# with all three; checks that the optimal objectives are identical; prints
# the times and ratios, and the incremental timings of Samen.
#
# Usage: bench/match/run.sh [regional|mid|national|all]   (default: all)
# Environment: OUT (work directory, default /tmp/samen-bench-match),
#              GLPK_LIMIT (seconds GLPK may take per instance, default 60).
# Figures are printed, never asserted by tests; see bench/match/README.md.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${OUT:-/tmp/samen-bench-match}
glpk_limit=${GLPK_LIMIT:-60}
which=${1:-all}
mkdir -p "$out"

# The peers: LEMON (C++ headers), GLPK and a C++ compiler, from Debian's packages.
need=""
for p in liblemon-dev libglpk-dev g++; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
done
if [ -n "$need" ]; then
  echo "installing$need"
  apt-get install -y $need >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y $need >/dev/null; }
fi

cflags="-O2 -std=c17 -D_GNU_SOURCE -Wall -Wextra"
cc $cflags -I"$root/src" -o "$out/gen_match" "$here/gen_match.c" "$root/src/util/rng.c" -lm
cc $cflags -I"$root/src" -o "$out/bench_match" "$here/bench_match.c" \
  "$root/src/optim/mcf.c" "$root/src/optim/assign.c" "$root/src/util/err.c" \
  "$root/src/util/vec.c" -lm
c++ -O2 -o "$out/lemon_driver" "$here/lemon_driver.cpp"
cc $cflags -o "$out/glpk_driver" "$here/glpk_driver.c" -lglpk

get() { # get KEY FILE: the value of KEY=value in FILE
  tr ' ' '\n' < "$2" | sed -n "s/^$1=//p" | head -n 1
}

fail=0
run() { # run NAME REQUESTS STAFF SCHOOLS BOARDS KM K EXTRA SEED REPEAT
  name=$1; repeat=${10}
  inst="$out/$name.txt"; net="$out/$name.dimacs"
  "$out/gen_match" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" > "$inst"
  echo "== $name: $2 requests x $3 staff, $4 schools, $5 boards, $7 candidates/request (seed $9)"
  "$out/bench_match" "$inst" "$net" "$repeat" > "$out/$name.samen"
  "$out/lemon_driver" "$net" "$repeat" > "$out/$name.lemon"
  if timeout "$glpk_limit" "$out/glpk_driver" "$net" > "$out/$name.glpk"; then :; else
    echo "glpk_status=not_finished_within_${glpk_limit}s" > "$out/$name.glpk"
  fi
  sed -n '1,2p;5p' "$out/$name.samen" | sed 's/^/   /'
  s_cost=$(get samen_cost "$out/$name.samen"); s_ms=$(get samen_solve_ms "$out/$name.samen")
  l_cost=$(get lemon_cost "$out/$name.lemon"); l_ms=$(get lemon_ms "$out/$name.lemon")
  g_status=$(get glpk_status "$out/$name.glpk")
  echo "   samen  cost $s_cost  solve ${s_ms} ms (median of $repeat)  $(get pivots "$out/$name.samen") pivots"
  echo "   lemon  cost $l_cost  solve ${l_ms} ms (median of $repeat)  ratio lemon/samen $(echo "$l_ms $s_ms" | awk '{printf "%.2f", $1/$2}')"
  if [ "$s_cost" != "$l_cost" ]; then echo "   MISMATCH: samen and LEMON objectives differ"; fail=1; fi
  if [ "$g_status" = optimal ]; then
    g_cost=$(get glpk_cost "$out/$name.glpk"); g_ms=$(get glpk_ms "$out/$name.glpk")
    echo "   glpk   cost $g_cost  solve ${g_ms} ms (1 run)  ratio glpk/samen $(echo "$g_ms $s_ms" | awk '{printf "%.1f", $1/$2}')"
    if [ "$s_cost" != "$g_cost" ]; then echo "   MISMATCH: samen and GLPK objectives differ"; fail=1; fi
  else
    echo "   glpk   $g_status"
  fi
  if grep -q incremental_add "$out/$name.samen"; then
    grep -E 'incremental|withdraw' "$out/$name.samen" | sed 's/^/   /'
    checks=$(get incremental_checks "$out/$name.samen"); equal=$(get incremental_equal "$out/$name.samen")
    if [ "$checks" != "$equal" ]; then echo "   MISMATCH: warm and cold solves differ"; fail=1; fi
  fi
}

case $which in
  regional|all) run regional 300 3000 50 12 40 60 300 11 21 ;;
esac
case $which in
  mid|all) run mid 2000 20000 300 40 110 30 20 12 5 ;;
esac
case $which in
  national|all) run national 20000 100000 1500 330 250 30 3 13 1 ;;
esac
if [ "$fail" = 0 ]; then echo "all objectives equal"; else echo "OBJECTIVES DIFFER"; exit 1; fi
