#!/usr/bin/env bash
# `publish` (the static linked-data site) at scales of synthetic data: wall time, resources
# (pages) per second, files, size, peak memory, beside the floor of writing the same files (`cp -r`
# of the site it wrote, same disk), median of RUNS.
#
# Usage: scripts/bench-publish.sh [RUNS] [SCALES...]   (default: 3 runs; scales 1 2)
#        BIN=path/to/medrd-kg   to measure a given binary; JOBS=N for publish -j (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
scales=${*:-1 2}
jobs=${JOBS:-2}
. scripts/bench-common.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '| scale | resources | files | MiB | publish s (-j %s) | resources/s | peak MiB | cp -r s | publish / cp |\n' "$jobs"
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
for scale in $scales; do
  data=data
  if [ "$scale" != 1 ]; then data="$work/data-$scale"; "$bin" gen --scale "$scale" --out "$data" >/dev/null; fi
  rm -rf "$work/store"
  "$bin" build --data "$data" --store "$work/store" >/dev/null
  ours=() mem=() copy=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/site" "$work/copy"
    t0=$(date +%s%N)
    /usr/bin/time -o "$work/mem" -f '%M' "$bin" publish -j "$jobs" --store "$work/store" --out "$work/site" \
      --public-url https://example.org/medrd-kg/ >"$work/report.txt" 2>/dev/null
    m=$(tail -n 1 "$work/mem")
    t1=$(date +%s%N)
    ours+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)") mem+=("$m")
    sync
    t0=$(date +%s%N); cp -r "$work/site" "$work/copy"; sync; t1=$(date +%s%N)
    copy+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)")
  done
  files=$(find "$work/site" -type f | wc -l)
  mib=$(du -sm "$work/site" | cut -f1)
  docs=$( { grep -oE '[0-9,]+ resources' "$work/report.txt" || true; } | head -n 1 | tr -d ', resources')
  o=$(printf '%s\n' "${ours[@]}" | median); c=$(printf '%s\n' "${copy[@]}" | median)
  m=$(printf '%s\n' "${mem[@]}" | median)
  printf '| %s | %s | %s | %s | %.1f | %.1f | %.0f | %.2f | %.0f |\n' "$scale" "${docs:-?}" "$files" "$mib" \
    "$o" "$(echo "${docs:-0} / $o" | bc -l)" "$(echo "$m / 1024" | bc -l)" "$c" "$(echo "$o / $c" | bc -l)"
  [ "$data" = data ] || rm -rf "$data"
done
