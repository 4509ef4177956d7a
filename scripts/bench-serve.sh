#!/usr/bin/env bash
# `medrd-kg serve` under load (wrk, 64 connections, loopback) beside Debian's nginx serving
# the pages `medrd-kg publish` wrote, with the configuration the site ships: requests per
# second, p50 and p99 latency, and the server's resident memory before and after.
#
# Usage: scripts/bench-serve.sh [SECONDS]   (default 10 per run; installs wrk when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
. scripts/bench-common.sh
command -v wrk >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
nginx=/usr/sbin/nginx
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$bin" build --store "$work/store" >/dev/null
"$bin" publish --store "$work/store" --out "$work/www/medrd-kg" --public-url https://example.org/medrd-kg/ >/dev/null 2>&1
port=$(free_port)
"$bin" serve --store "$work/store" --bind "127.0.0.1:$port" --max-queries 4 2>/dev/null &
pids+=($!); serve_pid=$!
# the same server without its cache of rendered pages: every request for a page renders it
# (only requests that arrive while that page is being rendered share the render)
cport=$(free_port)
"$bin" serve --store "$work/store" --bind "127.0.0.1:$cport" --cache-mb 0 2>/dev/null &
pids+=($!)
# every resource page of the site, one after another (wrk's Lua: each connection walks the list)
(cd "$work/www/medrd-kg" && find . -name '*.html' ! -name '*.en.html' ! -path './assets/*' | sed 's|^\./||; s|\.html$||' |
  grep -v -E '^(index|404|search|report)$' | sort) > "$work/paths.txt"
{
  echo 'paths = {}'
  while read -r p; do printf 'paths[#paths + 1] = "/%s"\n' "$p"; done < "$work/paths.txt"
  echo 'local i = 0'
  echo 'request = function() i = i % #paths + 1; return wrk.format("GET", wrk.path:gsub("/$", "") .. paths[i]) end'
} > "$work/walk.lua"
nport=$(free_port)
mkdir -p "$work/nginx/logs"
user=""; [ "$(id -u)" = 0 ] && user="user root;"
cat > "$work/nginx/nginx.conf" <<NGINX
$user
worker_processes 2; daemon off; error_log $work/nginx/logs/error.log; pid $work/nginx/logs/nginx.pid;
events { worker_connections 1024; }
http { access_log off; include $work/www/medrd-kg/nginx-maps.conf;
  server { listen 127.0.0.1:$nport; root $work/www; include $work/www/medrd-kg/nginx.conf; } }
NGINX
"$nginx" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && curl -sf "http://127.0.0.1:$cport/health" >/dev/null && break; sleep 0.1; done
sleep 0.5

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$serve_pid/status"; }
# requests/s, p50, p99 of wrk on URL with optional Accept (and a Lua script)
load() {
  local url=$1 accept=${2:-text/html} script=()
  [ -z "${3:-}" ] || script=(-s "$3")
  wrk -t2 -c64 -d"${secs}s" --latency "${script[@]}" -H "Accept: $accept" "$url" 2>/dev/null |
    awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
         END {printf "%s | %s | %s | %s", r, p50, p99, (bad == "" ? 0 : bad)}'
}
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("SELECT ?p WHERE { ?p a <https://w3id.org/medrd-kg/def#IntegratedProject> } LIMIT 10"))')
before=$(rss)
printf '| what | requests/s | p50 | p99 | non-2xx |\n| --- | ---: | ---: | ---: | ---: |\n'
printf '| serve: small SPARQL SELECT | %s |\n' "$(load "http://127.0.0.1:$port/sparql?query=$q" application/sparql-results+json)"
printf '| serve: resource page (HTML), the same page again (from the cache) | %s |\n' "$(load "http://127.0.0.1:$port/project/2026/1")"
printf '| serve: every resource page in turn (%s pages), rendered every time (--cache-mb 0) | %s |\n' "$(wc -l < "$work/paths.txt")" "$(load "http://127.0.0.1:$cport/" text/html "$work/walk.lua")"
printf '| serve: every resource page in turn, cache on (64 MiB) | %s |\n' "$(load "http://127.0.0.1:$port/" text/html "$work/walk.lua")"
printf '| nginx: every published page in turn | %s |\n' "$(load "http://127.0.0.1:$nport/medrd-kg/" text/html "$work/walk.lua")"
printf '| serve: resource (Turtle) | %s |\n' "$(load "http://127.0.0.1:$port/project/2026/1" text/turtle)"
printf '| serve: search | %s |\n' "$(load "http://127.0.0.1:$port/search?q=%E5%89%B5%E8%96%AC")"
printf '| nginx: the published page (HTML) | %s |\n' "$(load "http://127.0.0.1:$nport/medrd-kg/project/2026/1")"
printf '| nginx: the published Turtle | %s |\n' "$(load "http://127.0.0.1:$nport/medrd-kg/project/2026/1" text/turtle)"
echo
echo "serve RSS: ${before} MiB before, $(rss) MiB after"
