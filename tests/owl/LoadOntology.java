// Loads an ontology file with the OWL API (what Protégé and WebVOWL's OWL2VOWL converter are
// built on) and prints what it found, one `key value` per line, for tests/it/viz.rs:
// classes, object/data/annotation properties, individuals, axioms, and the triples the
// parser could not turn into OWL (`unparsed`), which a clean OWL document has none of.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.model.parameters.Imports;

public class LoadOntology {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager m = OWLManager.createOWLOntologyManager();
        OWLOntology o = m.loadOntologyFromOntologyDocument(new File(args[0]));
        System.out.println("format " + o.getFormat().getKey());
        System.out.println("iri " + o.getOntologyID().getOntologyIRI().map(Object::toString).orElse("-"));
        System.out.println("classes " + o.getClassesInSignature(Imports.EXCLUDED).size());
        System.out.println("object_properties " + o.getObjectPropertiesInSignature(Imports.EXCLUDED).size());
        System.out.println("data_properties " + o.getDataPropertiesInSignature(Imports.EXCLUDED).size());
        System.out.println("annotation_properties " + o.getAnnotationPropertiesInSignature(Imports.EXCLUDED).size());
        System.out.println("individuals " + o.getIndividualsInSignature(Imports.EXCLUDED).size());
        System.out.println("axioms " + o.getAxiomCount());
        o.getClassesInSignature(Imports.EXCLUDED).forEach(e -> System.out.println("class " + e.getIRI()));
        o.getObjectPropertiesInSignature(Imports.EXCLUDED).forEach(e -> System.out.println("object_property " + e.getIRI()));
        o.getDataPropertiesInSignature(Imports.EXCLUDED).forEach(e -> System.out.println("data_property " + e.getIRI()));
        o.getAnnotationPropertiesInSignature(Imports.EXCLUDED).forEach(e -> System.out.println("annotation_property " + e.getIRI()));
        long unparsed = o.getFormat().getOntologyLoaderMetaData()
            .map(md -> md.getUnparsedTriples().count()).orElse(0L);
        System.out.println("unparsed " + unparsed);
        o.getFormat().getOntologyLoaderMetaData().ifPresent(md ->
            md.getUnparsedTriples().limit(20).forEach(t -> System.err.println("unparsed: " + t)));
    }
}
