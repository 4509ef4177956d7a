#!/usr/bin/env bash
# Every benchmark of docs/PERFORMANCE.md, one after another, each against its baseline in the
# same run: build (against pyoxigraph's bulk loader, scales 1 10 100 1000), the scaling chart,
# every standard query (in-process, end to end, rdflib), dump per format (pyoxigraph), publish,
# serve under wrk (nginx on the published pages) and push (Virtuoso's own loader). Results go
# to OUT (default benches/results/; with QUICK=1, a temporary folder), one Markdown file per
# benchmark, and the chart to docs/pictures/scaling.svg. 27 minutes on 2 cores; QUICK=1 runs a
# smoke version (scales 1 and 2, one run each, short loads) in about a minute, what CI runs.
#
# Usage: scripts/bench-all.sh   |   QUICK=1 OUT=/tmp/bench scripts/bench-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${QUICK:-}" ]; then out=${OUT:-$(mktemp -d)}; else out=${OUT:-benches/results}; fi
mkdir -p "$out"
cargo build --locked --quiet --all-targets
export BIN=${BIN:-target/debug/medrd-kg}
[ -x .venv/bin/python ] || scripts/prereqs.sh

if [ -n "${QUICK:-}" ]; then
  build=(1 1 2) queries=(1) dump=(1 1) publish=(1 1) serve=(1) push=(1 1) chart=$out/scaling.svg
  criterion=(--warm-up-time 0.1 --measurement-time 0.2 --sample-size 10)
  export RDFLIB_LIMIT=${RDFLIB_LIMIT:-2}
else
  build=(3 1 10 100 1000) queries=(20) dump=(3 10) publish=(3 1 2) serve=(10) push=(3 100)
  criterion=()
  chart=docs/pictures/scaling.svg
fi
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)"
step() { echo "== $1 ($(date -u +%H:%M:%S))" >&2; }

step "build against pyoxigraph's bulk loader"
rm -f "$out/build.tsv"
TSV=$out/build.tsv scripts/bench-build.sh "${build[@]}" > "$out/build.md"
cargo run --locked --quiet --example scaling_chart -- "$out/build.tsv" "$chart" \
  "Medians of paired runs (once at scale 1,000 and above); $machine." \
  "medrd-kg: dev profile, our crate and its dependencies at opt-level 2. pyoxigraph 0.5.3 from PyPI (release)."
step "queries in-process, end to end, rdflib"
scripts/bench-queries.sh "${queries[@]}" > "$out/queries.md"
step "criterion: every query, a page from scratch, build (in-process)"
cargo bench --locked --quiet --profile dev --bench queries -- --output-format bencher "${criterion[@]}" |
  awk 'BEGIN {print "| benchmark | ms (criterion estimate) | ± ms |"; print "| --- | ---: | ---: |"}
       /^test / {sub(/^test /, ""); n = $0; sub(/ \.\.\. bench:.*/, "", n); t = $0; sub(/.*bench: +/, "", t);
                 split(t, a, " "); e = a[4]; gsub(/[()+\/-]/, "", e);
                 printf "| %s | %.3f | %.3f |\n", n, a[1] / 1e6, e / 1e6}' > "$out/criterion.md"
step "dump per format against pyoxigraph"
scripts/bench-dump.sh "${dump[@]}" > "$out/dump.md"
step "publish"
scripts/bench-publish.sh "${publish[@]}" > "$out/publish.md"
step "serve under wrk beside nginx"
scripts/bench-serve.sh "${serve[@]}" > "$out/serve.md"
step "push into Virtuoso against its loader"
scripts/bench-push.sh "${push[@]}" > "$out/push.md"
echo "$machine" > "$out/machine.txt"
step "done: $out"
for f in build queries criterion dump publish serve push; do echo "## $f"; cat "$out/$f.md"; echo; done
