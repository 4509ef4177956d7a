#!/usr/bin/env python3
"""Validate an N-Quads dump against SHACL shapes with pyshacl.

Usage: run_pyshacl.py DUMP.nq SHAPES.ttl ONTOLOGY_GRAPH_IRI [--no-ont-graph]

The data graph is the union of every graph of the dump (default graph included) except
ONTOLOGY_GRAPH_IRI. That graph is passed to pyshacl as ont_graph (pyshacl mixes it into
the data graph before validating), unless --no-ont-graph is given. No inference.

Prints "conforms: True/False", "results: N", then one line per validation result,
"focus <node> path <path> component <constraint component>", sorted. Blank nodes print
as [] (rdflib gives them fresh labels on every parse).
Exit status: 0 conforms, 1 does not conform, 2 usage error.
"""

import sys

from pyshacl import validate
from rdflib import RDF, BNode, Dataset, Graph, Namespace, URIRef

SH = Namespace("http://www.w3.org/ns/shacl#")


def show(term):
    if term is None:
        return "-"
    if isinstance(term, BNode):
        return "[]"
    return term.n3()


def main(argv):
    args = [a for a in argv[1:] if a != "--no-ont-graph"]
    if len(args) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    dump, shapes_path, ont_iri = args
    use_ont = "--no-ont-graph" not in argv

    ds = Dataset()
    ds.parse(dump, format="nquads")
    data, ont = Graph(), Graph()
    for g in ds.graphs():
        target = ont if g.identifier == URIRef(ont_iri) else data
        for triple in g:
            target.add(triple)
    shapes = Graph().parse(shapes_path, format="turtle")

    conforms, report, _text = validate(
        data,
        shacl_graph=shapes,
        ont_graph=ont if use_ont else None,
        inference="none",
        abort_on_first=False,
        meta_shacl=False,
        advanced=False,
    )
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        lines.append("focus %s path %s component %s" % (
            show(report.value(result, SH.focusNode)),
            show(report.value(result, SH.resultPath)),
            show(report.value(result, SH.sourceConstraintComponent))))
    print("conforms: %s" % conforms)
    print("results: %d" % len(lines))
    for line in sorted(lines):
        print(line)
    return 0 if conforms else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
