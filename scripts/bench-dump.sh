#!/usr/bin/env bash
# `dump` in every RDF format against pyoxigraph 0.5.3 (Oxigraph's own serializers, from
# PyPI) writing the same quads in the same format, at one scale of synthetic data: wall
# time, quads per second, peak memory and size, and the ratio of our time to pyoxigraph's.
# Ours sorts the quads first (the dumps are byte-for-byte deterministic: dataset formats graph
# by graph, triple formats the whole union); pyoxigraph writes them in the store's order. Formats without named graphs get the union of the graphs in
# both (pyoxigraph reads the union as its default graph). Runs are paired; medians of RUNS.
#
# Usage: scripts/bench-dump.sh [RUNS] [SCALE]   (default: 3 runs, scale 10)
#        BIN=path/to/medrd-kg   to measure a given binary
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
scale=${2:-10}
. scripts/bench-common.sh
need_pyoxigraph
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

data=data
if [ "$scale" != 1 ]; then data="$work/data"; "$bin" gen --scale "$scale" --out "$data" >/dev/null; fi
"$bin" build --data "$data" --store "$work/store" >/dev/null
"$bin" dump -f nquads --store "$work/store" -o "$work/all.nq"
"$bin" dump -f ntriples --store "$work/store" -o "$work/all.nt"
quads=$(grep -c . "$work/all.nq")

cat > "$work/dump.py" <<'PY'
import resource, sys, time
from pyoxigraph import DefaultGraph, RdfFormat, Store
fmt = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "nquads": RdfFormat.N_QUADS,
       "trig": RdfFormat.TRIG, "rdfxml": RdfFormat.RDF_XML, "jsonld": RdfFormat.JSON_LD}[sys.argv[1]]
store = Store()
if fmt.supports_datasets:
    store.bulk_load(path=sys.argv[2], format=RdfFormat.N_QUADS)
else:
    store.bulk_load(path=sys.argv[3], format=RdfFormat.N_TRIPLES)
t0 = time.perf_counter()
if fmt.supports_datasets:
    store.dump(sys.argv[4], fmt)
else:
    store.dump(sys.argv[4], fmt, from_graph=DefaultGraph())
print(f"{time.perf_counter() - t0:.3f}")
PY


echo "scale $scale: $quads quads"
printf '| format | dump s | quads/s | peak MiB | MiB written | pyoxigraph s | ours / pyoxigraph |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for f in turtle ntriples nquads trig rdfxml jsonld; do
  ours=() mem=() theirs=()
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    m=$( { /usr/bin/time -f '%M' "$bin" dump -f "$f" --store "$work/store" -o "$work/out" >/dev/null; } 2>&1 | tail -n 1)
    t1=$(date +%s%N)
    ours+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)") mem+=("$m")
    theirs+=("$("$py" "$work/dump.py" "$f" "$work/all.nq" "$work/all.nt" "$work/theirs")")
  done
  size=$(du -m "$work/out" | cut -f1)
  o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
  m=$(printf '%s\n' "${mem[@]}" | median)
  printf '| %s | %.2f | %.0f | %.0f | %s | %.2f | %.2f |\n' "$f" "$o" "$(echo "$quads / $o" | bc -l)" \
    "$(echo "$m / 1024" | bc -l)" "$size" "$t" "$(echo "$o / $t" | bc -l)"
done
