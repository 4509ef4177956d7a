#!/usr/bin/env bash
# Speed and memory of the main commands, as ratios against a baseline measured in the same
# run (the binary's start-up: `medrd-kg --version`), so figures from different machines
# compare. Usage: scripts/bench.sh [RUNS]   (default 10 runs each; release build)
#        BIN=path/to/medrd-kg scripts/bench.sh [RUNS]   to measure a given binary (e.g. an older
#        build, for a before/after pair in the same session) without building
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  cargo build --release --quiet
  bin=target/release/medrd-kg
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" build --store "$work/store" >/dev/null

# median wall time in milliseconds of `$@` over $runs runs
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

# peak resident memory in MiB of `$@`
peak_mib() {
  /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.1f", $1/1024}'
}

base=$(median_ms "$bin" --version)
printf '%-34s %10s %8s %10s\n' "command" "median ms" "× start" "peak MiB"
report() {
  local name=$1; shift
  local ms; ms=$(median_ms "$@")
  local mib; mib=$(peak_mib "$@")
  printf '%-34s %10s %8.1f %10s\n' "$name" "$ms" "$(echo "$ms / $base" | bc -l)" "$mib"
}
printf '%-34s %10s %8.1f %10s\n' "start-up (baseline)" "$base" 1 "$(peak_mib "$bin" --version)"
report "build (validate+map+load+swap)" "$bin" build --store "$work/store"
report "validate (records, sums, SHACL)" "$bin" validate
report "query projects.rq" "$bin" query queries/projects.rq --store "$work/store" -f csv
report "query budget_lines.rq" "$bin" query queries/budget_lines.rq --store "$work/store" -f csv
report "dump turtle (all graphs)" "$bin" dump --store "$work/store"
report "dump nquads (all graphs)" "$bin" dump -f nquads --store "$work/store"
report "viz structure svg (layout)" "$bin" viz --view structure --store "$work/store"
report "viz lineage svg" "$bin" viz --view lineage --store "$work/store"
report "viz structure graphml" "$bin" viz --view structure -f graphml --store "$work/store"
report "viz structure gexf" "$bin" viz --view structure -f gexf --store "$work/store"
report "viz cross-project cyjs" "$bin" viz --view cross-project -f cyjs --store "$work/store"
report "viz neighbourhood svg (PJ1)" "$bin" viz --view neighbourhood --resource https://w3id.org/medrd-kg/project/2026/1 --store "$work/store"
report "chart projects" "$bin" chart --kind projects --store "$work/store"
report "chart flow" "$bin" chart --kind flow --store "$work/store"
report "ontology rdfxml" "$bin" ontology -f rdfxml --store "$work/store"
echo "store size: $(du -sh "$work/store" | cut -f1); triples: $("$bin" query --store "$work/store" -f csv --query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' | tail -n 1)"
