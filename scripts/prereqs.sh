#!/usr/bin/env sh
# Installs the system packages medrd-kg needs beyond a Rust toolchain, when they are missing:
#   libclang-dev   oxrocksdb-sys generates its RocksDB bindings with bindgen, which loads libclang
#   raptor2-utils  `rapper`, the independent RDF parser the tests re-parse the dumps with
#   graphviz       `dot`, which the tests render the DOT exports with
#   librsvg2-bin   `rsvg-convert`, which the tests render every SVG to PNG with
#   fonts-noto-cjk a Japanese font for the PNGs (SVGs name it first in their font stack)
#   chromium       the headless browser of the server's end-to-end test
#   nginx-light    the web server the tests serve the published static site with (and put in
#                  front of Virtuoso for Basic authentication and a forced partial upload)
#   apache2-bin    Apache httpd, which the tests serve the site with too, reading its .htaccess
#   wrk            the HTTP load generator of the benchmarks (scripts/bench-serve.sh)
#   virtuoso-opensource
#                  the triple store the tests push into (virtuoso-t, isql-vt); no service is
#                  started: each test runs its own on free ports
#   libowlapi-java the OWL API (Protégé's and WebVOWL's loader), which the tests load the
#                  ontology export with, and a JDK (default-jdk-headless) when javac is missing
#   pyshacl, networkx, igraph, SPARQLWrapper, websocket-client, pyoxigraph
#                  the second SHACL engine (with rdflib, the benchmarks' Python baseline), the
#                  graph libraries the tests read the exports with, an independent SPARQL
#                  client, the DevTools client that drives chromium, and Oxigraph's own bulk
#                  loader and serializers (the benchmarks' baselines), pinned, in a virtual environment of its own (.venv/, from PyPI;
#                  python3-venv from apt when venv is missing)
# Debian/Ubuntu (apt-get); run as root or with sudo available. Does nothing when all are present.
#
# The libclang check looks for what bindgen (clang-sys) really loads: `libclang.so`,
# `libclang.so.N` or `libclang-N.so[.M]`. The C++ interface library `libclang-cpp.so.N`
# (package libclang-cpp14, often present on its own) is not it, and is skipped.
set -eu

has_libclang() {
  if [ -n "${LIBCLANG_PATH:-}" ]; then
    # clang-sys takes LIBCLANG_PATH as a folder or as the library file itself.
    if [ -f "$LIBCLANG_PATH" ]; then return 0; fi
    set -- "$LIBCLANG_PATH"
  else
    set -- /usr/lib/llvm-*/lib /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib
  fi
  for dir in "$@"; do
    for f in "$dir"/libclang.so "$dir"/libclang.so.* "$dir"/libclang-[0-9]*.so "$dir"/libclang-[0-9]*.so.*; do
      [ -e "$f" ] && has_clang_headers && return 0
    done
  done
  return 1
}

# bindgen also needs clang's own headers (stddef.h ...), which the runtime package
# libclang1-N alone does not bring (libclang-dev does, through libclang-common-N-dev).
has_clang_headers() {
  [ -n "${LIBCLANG_PATH:-}" ] && return 0
  for h in /usr/lib/llvm-*/lib/clang/*/include/stddef.h /usr/lib/clang/*/include/stddef.h; do
    [ -e "$h" ] && return 0
  done
  return 1
}

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi

need=""
has_libclang || need="$need libclang-dev"
command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
command -v dot >/dev/null 2>&1 || need="$need graphviz"
command -v rsvg-convert >/dev/null 2>&1 || need="$need librsvg2-bin"
has_cjk_font() { ls /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc >/dev/null 2>&1; }
has_cjk_font || need="$need fonts-noto-cjk"
has_owlapi() { [ -e /usr/share/java/owlapi-distribution.jar ]; }
has_owlapi || need="$need libowlapi-java"
command -v javac >/dev/null 2>&1 || need="$need default-jdk-headless"
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need="$need nginx-light"
[ -x /usr/sbin/apache2 ] || need="$need apache2-bin"
command -v wrk >/dev/null 2>&1 || need="$need wrk"
has_virtuoso() { command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; }
has_virtuoso || need="$need virtuoso-opensource"
if [ -n "$need" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prereqs: missing:$need; install them with your package manager" >&2
    echo "prereqs: (or set LIBCLANG_PATH to the folder holding libclang.so)" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    echo "prereqs: missing:$need, and not root without sudo: run 'apt-get install$need' as root" >&2
    exit 1
  fi
  echo "prereqs: installing:$need" >&2
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq ||
     ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null; then
    echo "prereqs: 'apt-get install$need' failed; install them by hand and run this again" >&2
    exit 1
  fi
  # Check again: a package that installed but did not bring what the build needs must fail here,
  # not fifteen minutes into compiling RocksDB.
  if ! has_libclang; then
    echo "prereqs: libclang-dev is installed but no libclang.so was found; set LIBCLANG_PATH" >&2
    exit 1
  fi
  for tool in rapper dot rsvg-convert javac chromium wrk; do
    command -v "$tool" >/dev/null 2>&1 ||
      { echo "prereqs: installed$need but '$tool' is not on PATH" >&2; exit 1; }
  done
  has_cjk_font || { echo "prereqs: fonts-noto-cjk installed but no NotoSansCJK font found" >&2; exit 1; }
  has_owlapi || { echo "prereqs: libowlapi-java installed but no owlapi-distribution.jar" >&2; exit 1; }
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 ||
    { echo "prereqs: nginx-light installed but no nginx found" >&2; exit 1; }
  [ -x /usr/sbin/apache2 ] || { echo "prereqs: apache2-bin installed but no /usr/sbin/apache2" >&2; exit 1; }
  has_virtuoso || { echo "prereqs: virtuoso-opensource installed but no virtuoso-t or isql-vt" >&2; exit 1; }
fi

# Python packages, pinned, in .venv/ (the tests run .venv/bin/python): a virtual environment
# keeps them off the system's Python, which Debian does not let pip change.
PY_PACKAGES="pyshacl==0.40.1 networkx==3.6.1 igraph==1.0.0 SPARQLWrapper==2.0.0 websocket-client==1.8.0 pyoxigraph==0.5.3"
PY_IMPORTS="import pyshacl, networkx, igraph, SPARQLWrapper, websocket, pyoxigraph"
if ! .venv/bin/python -c "$PY_IMPORTS" >/dev/null 2>&1; then
  if ! command -v python3 >/dev/null 2>&1; then
    echo "prereqs: python3 is missing: install it (apt-get install python3 python3-venv)" >&2
    exit 1
  fi
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c "import ensurepip" >/dev/null 2>&1; then
    echo "prereqs: installing: python3-venv" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null ||
      { echo "prereqs: 'apt-get install python3-venv' failed; install it by hand" >&2; exit 1; }
  fi
  if ! .venv/bin/python -c "import sys" >/dev/null 2>&1; then
    rm -rf .venv
    python3 -m venv .venv ||
      { echo "prereqs: could not create .venv/ (python3 -m venv .venv)" >&2; exit 1; }
  fi
  echo "prereqs: installing $PY_PACKAGES into .venv/" >&2
  # shellcheck disable=SC2086
  if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check $PY_PACKAGES; then
    echo "prereqs: could not install into .venv/: .venv/bin/pip install $PY_PACKAGES" >&2
    exit 1
  fi
  .venv/bin/python -c "$PY_IMPORTS" ||
    { echo "prereqs: $PY_PACKAGES installed but do not import" >&2; exit 1; }
fi

echo "prereqs: ok (libclang for bindgen; rapper, dot, rsvg-convert, a CJK font, the OWL API, chromium, nginx, Apache, Virtuoso, pyshacl, networkx, igraph, SPARQLWrapper and websocket-client for the tests; wrk and pyoxigraph for the benchmarks)" >&2
target_dir=${CARGO_TARGET_DIR:-target}
if [ ! -d "$target_dir" ] || [ -z "$(ls -A "$target_dir" 2>/dev/null)" ]; then
  echo "prereqs: first build ahead: cargo compiles RocksDB (C++) and about 400 crates," >&2
  echo "prereqs: about 35 minutes on 2 cores (RocksDB's build script is most of it) and" >&2
  echo "prereqs: 1-2 GB in target/; cargo shows which crate it compiles; later builds take seconds" >&2
fi
