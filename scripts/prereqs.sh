#!/usr/bin/env sh
# Installs the system packages medrd-kg needs beyond a Rust toolchain, when they are missing:
#   libclang-dev   oxrocksdb-sys generates its RocksDB bindings with bindgen, which needs libclang
#   raptor2-utils  `rapper`, the independent RDF parser the tests re-parse the dumps with
# Debian/Ubuntu (apt-get); run as root or with sudo available. Does nothing when all are present.
set -eu
need=""
ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || [ -n "${LIBCLANG_PATH:-}" ] || need="$need libclang-dev"
command -v rapper >/dev/null 2>&1 || need="$need raptor2-utils"
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "please install:$need (or set LIBCLANG_PATH to a libclang shared library)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing:$need" >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null
