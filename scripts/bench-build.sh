#!/usr/bin/env bash
# `build` against Oxigraph's own bulk loader (pyoxigraph, from PyPI) on the same triples, at
# several scales of synthetic data from `medrd-kg gen`: wall time, triples per second, peak
# memory, store size, and the ratio of our throughput to the loader's. Runs are paired (ours,
# then the loader, on the same N-Quads) and the median of RUNS pairs is reported, because the
# machine is shared and noisy.
#
# Usage: scripts/bench-build.sh [RUNS] [SCALES...]   (default: 3 runs; scales 1 10 100 1000)
#        BIN=path/to/medrd-kg scripts/bench-build.sh   to measure a given binary
#        TSV=file   also writes one line per scale (scale triples build_s build_mib store_mib
#                   loader_s loader_mib), what examples/scaling_chart.rs draws
#        scales of 1,000 and more run once whatever RUNS says (minutes each)
# Needs .venv/bin/python with pyoxigraph (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
scales=${*:-1 10 100 1000}
. scripts/bench-common.sh
need_pyoxigraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/load.py" <<'PY'
import resource, sys, time
from pyoxigraph import RdfFormat, Store
t0 = time.perf_counter()
Store(sys.argv[2]).bulk_load(path=sys.argv[1], format=RdfFormat.N_QUADS)
print(f"{time.perf_counter() - t0:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
PY


printf '| scale | triples | build s | build triples/s | build peak MiB | store MiB | loader s | loader triples/s | loader peak MiB | ratio |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for scale in $scales; do
  data="$work/data-$scale"
  if [ "$scale" = 1 ]; then data=data; else "$bin" gen --scale "$scale" --out "$data" >/dev/null; fi
  ours=() ours_mem=() theirs=() theirs_mem=()
  n_runs=$runs
  [ "$scale" -lt 1000 ] || n_runs=1
  for _ in $(seq "$n_runs"); do
    rm -rf "$work/store" "$work/ox"
    t0=$(date +%s%N)
    mem=$( { /usr/bin/time -f '%M' "$bin" build --data "$data" --store "$work/store" >/dev/null; } 2>&1 | tail -n 1)
    t1=$(date +%s%N)
    ours+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)") ours_mem+=("$mem")
    "$bin" dump -f nquads --store "$work/store" > "$work/all.nq"
    read -r s m < <("$py" "$work/load.py" "$work/all.nq" "$work/ox")
    theirs+=("$s") theirs_mem+=("$m")
  done
  n=$(grep -c . "$work/all.nq")
  size=$(du -sm "$work/store" | cut -f1)
  b=$(printf '%s\n' "${ours[@]}" | median); bm=$(printf '%s\n' "${ours_mem[@]}" | median)
  l=$(printf '%s\n' "${theirs[@]}" | median); lm=$(printf '%s\n' "${theirs_mem[@]}" | median)
  printf '| %s | %s | %.2f | %.0f | %.0f | %s | %.2f | %.0f | %.0f | %.2f |\n' \
    "$scale" "$n" "$b" "$(echo "$n / $b" | bc -l)" "$(echo "$bm / 1024" | bc -l)" "$size" \
    "$l" "$(echo "$n / $l" | bc -l)" "$(echo "$lm / 1024" | bc -l)" "$(echo "$l / $b" | bc -l)"
  if [ -n "${TSV:-}" ]; then
    printf '%s\t%s\t%.3f\t%.1f\t%s\t%.3f\t%.1f\n' "$scale" "$n" "$b" "$(echo "$bm / 1024" | bc -l)" \
      "$size" "$l" "$(echo "$lm / 1024" | bc -l)" >> "$TSV"
  fi
  [ "$data" = data ] || rm -rf "$data"
done
