# What the bench-*.sh scripts share; sourced by them from the repository's root.
#   bin           the binary under test: $BIN, else target/debug/medrd-kg (built when missing)
#   py            the virtual environment's Python (.venv/, from scripts/prereqs.sh)
#   need_pyoxigraph   installs pyoxigraph 0.5.3 into it when missing (the baselines' loader)
#   median        the median of the numbers on standard input, one a line
#   free_port     a free TCP port on 127.0.0.1
bin=${BIN:-target/debug/medrd-kg}
[ -x "$bin" ] || cargo build --locked --quiet
py=.venv/bin/python
need_pyoxigraph() {
  "$py" -c 'import pyoxigraph' 2>/dev/null ||
    "$py" -m pip install --quiet --disable-pip-version-check pyoxigraph==0.5.3
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
