package org.tributary.spec.conformance;

import com.apicatalog.jsonld.JsonLdOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.tributary.federation.vocab.Contexts;

/**
 * The protocol profile's SHACL shapes ({@code spec/shapes/activities.ttl}) applied to activity bodies:
 * each JSON-LD body is turned into RDF with the bundled contexts only, then validated. A body is also
 * refused if its top-level node is not one of the activity types the profile allows, because the shapes
 * target by type and would otherwise pass an untyped document without looking at it.
 */
final class ActivityShapes {
    static final String AS = "https://www.w3.org/ns/activitystreams#";
    static final Set<String> ACTIVITY_TYPES = Set.of("Create", "Update", "Delete", "Follow", "Accept", "Reject",
            "Undo", "Like", "Announce", "Block", "Add", "TentativeAccept");

    private final Shapes shapes;
    private final Context jsonLdContext;

    ActivityShapes(Path shapesFile, Contexts contexts) {
        this.shapes = Shapes.parse(RDFDataMgr.loadGraph(shapesFile.toString()));
        JsonLdOptions options = new JsonLdOptions(new BundledContextLoader(contexts));
        this.jsonLdContext = Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options);
    }

    /** The profile's shapes, read from the module's {@code shapes/} directory (the test working directory). */
    static ActivityShapes load() {
        return new ActivityShapes(Path.of("shapes", "activities.ttl"), new Contexts());
    }

    /** The RDF form of a JSON-LD body; fails (RiotException) if it needs a context that is not bundled. */
    Model toRdf(byte[] body) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(new String(body, StandardCharsets.UTF_8), Lang.JSONLD)
                .context(jsonLdContext)
                .parse(model);
        return model;
    }

    /** Every way the body breaks the profile, as readable lines; empty when it conforms. */
    List<String> violations(byte[] body) {
        Model model;
        try {
            model = toRdf(body);
        } catch (RiotException e) {
            return List.of("not readable as JSON-LD with the bundled contexts: " + e.getMessage());
        }
        List<String> found = new ArrayList<>();
        Graph graph = model.getGraph();
        String id = JsonBodies.parse(body).getString("id", "");
        Node root = NodeFactory.createURI(id);
        if (id.isEmpty() || !graph.contains(root, Node.ANY, Node.ANY)) {
            found.add("the activity has no IRI id");
        } else {
            List<String> types = graph.find(root, RDF.type.asNode(), Node.ANY).mapWith(triple -> triple.getObject()
                    .isURI() ? triple.getObject().getURI() : triple.getObject().toString()).toList();
            if (types.stream().noneMatch(type -> type.startsWith(AS)
                    && ACTIVITY_TYPES.contains(type.substring(AS.length())))) {
                found.add("the top-level type " + types + " is not one of the profile's activity types");
            }
        }
        ValidationReport report = ShaclValidator.get().validate(shapes, graph);
        report.getEntries().forEach(entry -> found.add(entry.focusNode() + " " + entry.resultPath() + ": "
                + entry.message() + (entry.value() == null ? "" : " (value " + entry.value() + ")")));
        return found;
    }
}
