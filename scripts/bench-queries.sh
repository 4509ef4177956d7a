#!/usr/bin/env bash
# Every standard query (queries/*.rq) three ways on the real graph: in-process through the
# library (examples/query_latency.rs, median of RUNS), end to end through `medrd-kg query`
# (median of 5 runs, start-up included), and rdflib (PyPI) on the same quads with the union
# of the graphs as default graph, what a Python user would pick instead (median of 3). The
# ratio is rdflib's time over ours in-process; the last line is their geometric mean (over
# the queries rdflib answered within its limit: a lower bound when some did not).
#
# Usage: scripts/bench-queries.sh [RUNS]   (default 20; RDFLIB_LIMIT=seconds per rdflib query, 60)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
cargo build --quiet --example query_latency
bin=target/debug/medrd-kg
[ -x "$bin" ] || cargo build --quiet
py=.venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" build --store "$work/store" >/dev/null
"$bin" dump -f nquads --store "$work/store" > "$work/all.nq"
target/debug/examples/query_latency "$work/store" "$runs" > "$work/ours.tsv"

cat > "$work/with_rdflib.py" <<'PY'
import signal, sys, time
from rdflib import Dataset
LIMIT = int(sys.argv[2])
def stop(*_):
    raise TimeoutError
signal.signal(signal.SIGALRM, stop)
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
for f in sys.argv[3:]:
    name = f.split('/')[-1]
    text = open(f, encoding="utf-8").read()
    times = []
    try:
        for _ in range(3):
            signal.alarm(LIMIT)
            t0 = time.perf_counter()
            list(ds.query(text))
            times.append((time.perf_counter() - t0) * 1000)
            signal.alarm(0)
            if times[-1] > 2000:
                break  # one run of a slow query is enough
        times.sort()
        print(f"{name}\t{times[len(times) // 2]:.3f}", flush=True)
    except TimeoutError:
        print(f"{name}\tover {LIMIT} s", flush=True)
    except Exception as e:
        signal.alarm(0)
        print(f"{name}\terror: {type(e).__name__}", flush=True)
PY
"$py" "$work/with_rdflib.py" "$work/all.nq" "${RDFLIB_LIMIT:-60}" queries/*.rq > "$work/rdflib.tsv"

printf '| query | in-process median ms | slowest ms | medrd-kg query ms | rdflib ms | rdflib / ours |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: |\n'
logsum=0; n=0
while IFS=$'\t' read -r name med slow; do
  e2e=()
  for _ in 1 2 3 4 5; do
    t0=$(date +%s%N); "$bin" query "queries/$name" --store "$work/store" -f csv >/dev/null; t1=$(date +%s%N)
    e2e+=("$(( (t1 - t0) / 1000 ))")
  done
  e2e_ms=$(printf '%s\n' "${e2e[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[3]/1000}')
  rd=$(awk -F'\t' -v q="$name" '$1 == q {print $2}' "$work/rdflib.tsv")
  if [[ "$rd" =~ ^[0-9.]+$ ]]; then
    ratio=$(echo "$rd / $med" | bc -l)
    logsum=$(echo "$logsum + l($ratio)" | bc -l); n=$((n + 1))
    printf '| %s | %s | %s | %s | %s | %.1f |\n' "$name" "$med" "$slow" "$e2e_ms" "$rd" "$ratio"
  else
    printf '| %s | %s | %s | %s | %s | |\n' "$name" "$med" "$slow" "$e2e_ms" "$rd"
  fi
done < "$work/ours.tsv"
if [ "$n" -gt 0 ]; then
  printf '\ngeometric mean of rdflib / ours over %s queries: %.1f\n' "$n" "$(echo "e($logsum / $n)" | bc -l)"
else
  printf '\nrdflib answered no query within its limit: no ratio\n'
fi
