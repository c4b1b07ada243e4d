package org.tributary.federation.vocab;

/**
 * Our extension terms, defined in the bundled {@code tributary.jsonld} context that every node
 * serves at {@code <node base URL>/ns/tributary}. The namespace IRI is ours and never changes.
 */
public final class TributaryTerms {

    private TributaryTerms() {
    }

    public static final String NAMESPACE = "https://w3id.org/tributary#";
    /** Path every node serves our context document at, relative to its base URL. */
    public static final String CONTEXT_PATH = "/ns/tributary";

    /** Activity type: recognition from one person to others. */
    public static final String KUDOS = "Kudos";
    /** Optional value or badge of a Kudos. */
    public static final String KUDOS_VALUE = "kudosValue";
    /** The people a Kudos recognises (IRIs). */
    public static final String RECIPIENT = "recipient";
    /** On a Question: the reply the asker accepted (mapped to schema.org's acceptedAnswer). */
    public static final String ACCEPTED_ANSWER = "acceptedAnswer";
    /** The department (node) an actor or post belongs to. */
    public static final String DEPARTMENT = "department";
    /** organization, department, followers or direct. */
    public static final String VISIBILITY = "visibility";
}
