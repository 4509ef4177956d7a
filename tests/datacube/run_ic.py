#!/usr/bin/env python3
"""Run the W3C RDF Data Cube well-formedness checks (IC-1 ... IC-21) on an N-Quads file.

Usage: run_ic.py DUMP.nq

Loads the dump into an in-memory pyoxigraph store, copies every named graph into the
default graph, applies normalize-phase1.ru and normalize-phase2.ru, then runs each
ic-NN.rq ASK query (true = violation). For a violated constraint it runs ic-NN.select.rq
to name the offending resources. Where an ic-NN.oxigraph.rq exists (IC-17) it is run
instead of ic-NN.rq: the verbatim text cannot fire in Oxigraph (see its header).
IC-19 is two queries (ic-19.rq, ic-19b.rq); IC-20 and IC-21 are templates run once per
IRI that ic-NN.params.rq returns (none: the constraint holds vacuously).

Prints one line per IC, "IC-N ok" or "IC-N FAIL: <at most 10 offending rows>".
Exit status: 0 all ok, 1 some IC fails, 2 usage or internal error (e.g. an ASK query and
its SELECT variant disagree).
"""

import os
import sys

from pyoxigraph import QueryBoolean, RdfFormat, Store, parse

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_SHOWN = 10


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def load(path):
    store = Store()
    # parse() keeps the dump's blank node labels (Store.load renames them at random),
    # so that offending blank nodes print the same on every run
    store.extend(parse(path=path, format=RdfFormat.N_QUADS))
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.update(read("normalize-phase1.ru"))
    store.update(read("normalize-phase2.ru"))
    return store


def ask(store, text):
    result = store.query(text)
    if not isinstance(result, QueryBoolean):
        raise TypeError("not an ASK query")
    return bool(result)


def select(store, text):
    result = store.query(text)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        cells = []
        for name in names:
            term = solution[name]
            cells.append("?%s=%s" % (name, "UNDEF" if term is None else str(term)))
        rows.append(" ".join(cells))
    return rows


def instantiate(template, p):
    return template.replace("<$p>", "<%s>" % p)


def queries(store, n):
    """(label, ASK text, SELECT text) for every query that makes up IC-n."""
    stem = "ic-%02d" % n
    if n in (20, 21):
        params = select_values(store, read(stem + ".params.rq"))
        return [("?p=<%s>" % p, instantiate(read(stem + ".rq"), p),
                 instantiate(read(stem + ".select.rq"), p)) for p in params]
    ask_file = stem + ".rq"
    if os.path.exists(os.path.join(HERE, stem + ".oxigraph.rq")):
        ask_file = stem + ".oxigraph.rq"  # IC-17: see that file's header
    out = [("", read(ask_file), read(stem + ".select.rq"))]
    if n == 19:
        out.append(("", read("ic-19b.rq"), read("ic-19b.select.rq")))
    return out


def select_values(store, text):
    return sorted({solution["p"].value for solution in store.query(text)})


def check(store, n):
    """Returns the sorted offending rows of IC-n (empty when it holds)."""
    offending = set()
    for label, ask_text, select_text in queries(store, n):
        violated = ask(store, ask_text)
        rows = select(store, select_text)
        if violated != bool(rows):
            raise RuntimeError("IC-%d: ASK answers %s but the SELECT variant returns %d rows"
                               % (n, violated, len(rows)))
        offending.update((label + " " + row).strip() for row in rows)
    return sorted(offending)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    store = load(argv[1])
    failed = False
    for n in range(1, 22):
        try:
            rows = check(store, n)
        except Exception as e:  # a query the store rejects, or ASK/SELECT disagreeing
            print("IC-%d ERROR: %s" % (n, e))
            return 2
        if not rows:
            print("IC-%d ok" % n)
            continue
        failed = True
        shown = "; ".join(rows[:MAX_SHOWN])
        more = " (%d rows in all)" % len(rows) if len(rows) > MAX_SHOWN else ""
        print("IC-%d FAIL: %s%s" % (n, shown, more))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
