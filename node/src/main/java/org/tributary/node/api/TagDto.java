package org.tributary.node.api;

/** A hashtag inside a status: its lower-case name without '#' and this node's page for it. */
public record TagDto(String name, String url) {
}
