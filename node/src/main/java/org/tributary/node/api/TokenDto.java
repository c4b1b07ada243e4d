package org.tributary.node.api;

/** The OAuth 2 token response. */
public record TokenDto(String accessToken, String tokenType, String scope, long createdAt) {
}
