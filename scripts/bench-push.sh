#!/usr/bin/env bash
# `push` into a real Virtuoso (Debian's virtuoso-opensource 7, started here on a temporary
# database and free ports) at one scale of synthetic data, against Virtuoso's own loader
# (DB.DBA.TTLP_MT through isql, reading the same N-Triples graph by graph from disk): wall
# time and triples per second. Ours goes over HTTP (the Graph Store Protocol, Digest
# authentication, chunks of --chunk triples) and counts every graph before and after; the
# loader does neither. Runs are paired (push --replace, then clear and load); medians.
#
# Usage: scripts/bench-push.sh [RUNS] [SCALE]   (default: 3 runs, scale 100)
#        BIN=path/to/medrd-kg   to measure a given binary
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
scale=${2:-100}
. scripts/bench-common.sh
command -v virtuoso-t >/dev/null || { echo "virtuoso-t is missing: run scripts/prereqs.sh" >&2; exit 1; }
work=$(mktemp -d)
vpid=""
cleanup() { [ -z "$vpid" ] || kill "$vpid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

sql_port=$(free_port); http_port=$(free_port)
mkdir -p "$work/db" "$work/nt"
cat > "$work/db/virtuoso.ini" <<INI
[Database]
DatabaseFile = $work/db/virtuoso.db
ErrorLogFile = $work/db/virtuoso.log
LockFile = $work/db/virtuoso.lck
TransactionFile = $work/db/virtuoso.trx
xa_persistent_file = $work/db/virtuoso.pxa
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $work/db/virtuoso-temp.db
TransactionFile = $work/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = $sql_port
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., $work, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
EnabledDavVSP = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 4000
INI
(cd "$work/db" && exec virtuoso-t +foreground +configfile "$work/db/virtuoso.ini" >/dev/null 2>&1) &
vpid=$!

data=data
if [ "$scale" != 1 ]; then data="$work/data"; "$bin" gen --scale "$scale" --out "$data" >/dev/null; fi
"$bin" build --data "$data" --store "$work/store" > "$work/build.txt"
# "  <graph IRI>  N triples" lines
awk '$1 ~ /^http/ && $3 == "triples" {print $1, $2}' "$work/build.txt" > "$work/graphs.txt"
triples=$(awk '{n += $2} END {print n}' "$work/graphs.txt")
graphs=$(wc -l < "$work/graphs.txt")
i=0
: > "$work/load.sql"; : > "$work/clear.sql"
while read -r g _; do
  i=$((i + 1))
  "$bin" dump -f ntriples --graph "$g" --store "$work/store" -o "$work/nt/$i.nt"
  echo "DB.DBA.TTLP_MT(file_to_string_output('$work/nt/$i.nt'), '', '$g', 0);" >> "$work/load.sql"
  echo "SPARQL CLEAR GRAPH <$g>;" >> "$work/clear.sql"
done < "$work/graphs.txt"

for _ in $(seq 120); do
  curl -fsS -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" 2>/dev/null && break
  sleep 0.5
done
isql() { isql-vt "$sql_port" dba dba "$@" >/dev/null; }

ours=() theirs=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  MEDRD_KG_PASSWORD=dba "$bin" push --store "$work/store" --endpoint "http://127.0.0.1:$http_port/sparql" \
    --graph-store "http://127.0.0.1:$http_port/sparql-graph-crud-auth" --user dba --replace >/dev/null
  t1=$(date +%s%N)
  ours+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)")
  isql < "$work/clear.sql"
  t0=$(date +%s%N)
  isql < "$work/load.sql"
  t1=$(date +%s%N)
  theirs+=("$(echo "($t1 - $t0) / 1000000000" | bc -l)")
done
o=$(printf '%s\n' "${ours[@]}" | median); t=$(printf '%s\n' "${theirs[@]}" | median)
echo "scale $scale: $triples triples in $graphs graphs; runs: push ${ours[*]} s, TTLP_MT ${theirs[*]} s"
printf '| what | s (median of %s) | triples/s |\n| --- | ---: | ---: |\n' "$runs"
printf '| medrd-kg push (--replace, Digest, counts) | %.2f | %.0f |\n' "$o" "$(echo "$triples / $o" | bc -l)"
printf '| Virtuoso DB.DBA.TTLP_MT over isql | %.2f | %.0f |\n' "$t" "$(echo "$triples / $t" | bc -l)"
printf 'push takes %.2f× the loader'"'"'s time\n' "$(echo "$o / $t" | bc -l)"
