package org.tributary.federation.vocab;

/**
 * Bounds applied while parsing JSON from a peer, so a hostile body cannot exhaust memory or stack.
 *
 * @param maxBytes        largest accepted body; larger bodies fail with {@code BODY_TOO_LARGE}
 * @param maxDepth        deepest accepted nesting of objects and arrays
 * @param maxStringLength longest accepted string or property name, in chars
 */
public record JsonLimits(int maxBytes, int maxDepth, int maxStringLength) {

    /** Generous for any real post or actor (Fedify's proofs nest about six levels), tight for abuse. */
    public static final JsonLimits DEFAULT = new JsonLimits(1024 * 1024, 32, 256 * 1024);

    /** Longest accepted number literal; numbers longer than this are only ever an attack. */
    static final int MAX_NUMBER_LENGTH = 64;

    public JsonLimits {
        if (maxBytes <= 0 || maxDepth <= 0 || maxStringLength <= 0) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }
}
