"""Reads a graph file the way its users' tools do and prints what they see, as JSON, for
tests/it/viz.rs: `read_graph.py graphml FILE` (networkx and igraph), `read_graph.py gexf FILE`
(networkx, GEXF 1.3), `read_graph.py owl FILE` (rdflib: the mrd: classes and properties of an
ontology file, to compare with what the OWL API loads)."""
import json
import sys


def graphml(path):
    import igraph
    import networkx as nx

    g = nx.read_graphml(path)
    ig = igraph.Graph.Read_GraphML(path)
    return {
        "directed": g.is_directed(),
        "nodes": {n: {k: v for k, v in d.items()} for n, d in g.nodes(data=True)},
        "edges": [[s, t, d] for s, t, d in g.edges(data=True)],
        "igraph": {
            "vcount": ig.vcount(),
            "ecount": ig.ecount(),
            "vertex_attributes": sorted(ig.vs.attributes()),
            "labels": {v["id"]: v["label"] for v in ig.vs},
        },
    }


def gexf(path):
    import networkx as nx

    g = nx.read_gexf(path, version="1.3")
    return {
        "directed": g.is_directed(),
        "mode": g.graph.get("mode"),
        "nodes": {n: {k: v for k, v in d.items()} for n, d in g.nodes(data=True)},
        "edges": [[s, t, d] for s, t, d in g.edges(data=True)],
    }


def owl(path):
    import rdflib
    from rdflib.namespace import OWL, RDF

    g = rdflib.Graph()
    g.parse(path)
    ns = "https://w3id.org/medrd-kg/def#"
    out = {}
    for kind, cls in [
        ("class", OWL.Class),
        ("object_property", OWL.ObjectProperty),
        ("data_property", OWL.DatatypeProperty),
        ("annotation_property", OWL.AnnotationProperty),
    ]:
        out[kind] = sorted(str(s) for s in g.subjects(RDF.type, cls) if str(s).startswith(ns))
    return out


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print(json.dumps({"graphml": graphml, "gexf": gexf, "owl": owl}[kind](path), ensure_ascii=False, default=str))
