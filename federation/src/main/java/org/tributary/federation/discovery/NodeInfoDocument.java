package org.tributary.federation.discovery;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A NodeInfo 2.1 document: what software a node runs and rough usage numbers. Our nodes never open
 * registrations (accounts come from the organization), but documents read from peers may say so.
 */
public record NodeInfoDocument(
        String version,
        Software software,
        List<String> protocols,
        Usage usage,
        boolean openRegistrations,
        JsonObject metadata) {

    public static final String VERSION = "2.1";
    public static final String SCHEMA_REL = "http://nodeinfo.diaspora.software/ns/schema/2.1";
    public static final String PROTOCOL_ACTIVITYPUB = "activitypub";

    public NodeInfoDocument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(usage, "usage");
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        metadata = metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata;
    }

    /** The document one of our nodes publishes. */
    public static NodeInfoDocument of(Software software, Usage usage, JsonObject metadata) {
        return new NodeInfoDocument(VERSION, software, List.of(PROTOCOL_ACTIVITYPUB), usage, false, metadata);
    }

    /** {@code software}: the name is lower-case letters, digits and dashes, as the schema requires. */
    public record Software(String name, String version) {

        private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

        public Software {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("software name must match [a-z0-9-]+");
            }
        }
    }

    /** {@code usage}: user counts and the number of local posts, all non-negative. */
    public record Usage(long usersTotal, long usersActiveMonth, long usersActiveHalfyear, long localPosts) {

        public Usage {
            if (usersTotal < 0 || usersActiveMonth < 0 || usersActiveHalfyear < 0 || localPosts < 0) {
                throw new IllegalArgumentException("usage counts cannot be negative");
            }
        }
    }
}
