package org.tributary.node.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.tributary.federation.audit.AuditEntry;

/**
 * The log as RDF (spec/audit-log.md §RDF). Each entry is the resource {@code <origin>/audit/entries/<seq>}
 * of type {@code ta:Entry} with one property per leaf field, in the vocabulary {@code ta:} =
 * {@value #NS}. Activity, actor and object are IRIs when they are http(s) URLs, plain strings otherwise;
 * fields that are empty are left out. The exported N-Quads put every triple in the graph
 * {@code <origin>/audit/log}.
 */
public final class AuditRdf {
    public static final String NS = "urn:tributary:audit#";

    private final URI origin;

    public AuditRdf(URI origin) {
        this.origin = origin;
    }

    /** The named graph of the exported quads. */
    public Node graph() {
        return NodeFactory.createURI(origin + "/audit/log");
    }

    public List<Triple> triples(StoredAuditEntry stored) {
        AuditEntry e = stored.entry();
        Node subject = NodeFactory.createURI(origin + "/audit/entries/" + e.sequence());
        List<Triple> triples = new ArrayList<>(14);
        // Nodes are made on use, never in a static field: the node builds this class at start, and the RDF
        // library (about a thousand classes) should load only once an auditor queries or exports the log.
        triples.add(Triple.create(subject, RDF.type.asNode(), property("Entry")));
        triples.add(Triple.create(subject, property("sequence"),
                NodeFactory.createLiteralDT(Long.toString(e.sequence()), XSDDatatype.XSDlong)));
        triples.add(Triple.create(subject, property("time"),
                NodeFactory.createLiteralDT(e.time().toString(), XSDDatatype.XSDdateTime)));
        text(triples, subject, "direction", e.direction().wireName());
        text(triples, subject, "kind", e.kind());
        text(triples, subject, "peer", e.peer());
        link(triples, subject, "activity", e.activityId());
        text(triples, subject, "activityType", e.activityType());
        link(triples, subject, "actor", e.actor());
        link(triples, subject, "object", e.object());
        text(triples, subject, "result", e.result());
        text(triples, subject, "bodyDigest", e.bodyDigest().hex());
        text(triples, subject, "headerDigest", e.headerDigest().hex());
        text(triples, subject, "leafHash", stored.storedLeafHash().hex());
        return triples;
    }

    private static Node property(String name) {
        return NodeFactory.createURI(NS + name);
    }

    private static void text(List<Triple> triples, Node subject, String name, String value) {
        if (!value.isEmpty()) {
            triples.add(Triple.create(subject, property(name), NodeFactory.createLiteralString(value)));
        }
    }

    private static void link(List<Triple> triples, Node subject, String name, String value) {
        if (value.isEmpty()) {
            return;
        }
        boolean url = (value.startsWith("https://") || value.startsWith("http://")) && isIri(value);
        triples.add(Triple.create(subject, property(name),
                url ? NodeFactory.createURI(value) : NodeFactory.createLiteralString(value)));
    }

    private static boolean isIri(String value) {
        try {
            return URI.create(value).isAbsolute() && value.chars().noneMatch(c -> c <= ' ' || c == '<' || c == '>'
                    || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`');
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
