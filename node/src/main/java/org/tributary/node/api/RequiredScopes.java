package org.tributary.node.api;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which OAuth scope each client API endpoint needs, as Mastodon documents it, coarsely: by method and
 * path pattern, first match wins. Endpoints not listed need {@code read} to read and {@code write} to
 * change anything, so a new endpoint is never left open to a read-only token.
 */
final class RequiredScopes {
    private static final String READ = "GET|HEAD";
    private static final String WRITE = "POST|PUT|PATCH|DELETE";
    private static final String ANY = READ + "|" + WRITE;
    private static final String ID = "[^/]+";

    /** One rule; an empty scope means the endpoint needs no particular scope (public or any token). */
    private record Rule(Pattern method, Pattern path, String scope) {
        boolean matches(String requestMethod, String requestPath) {
            return method.matcher(requestMethod).matches() && path.matcher(requestPath).matches();
        }
    }

    private final List<Rule> rules = List.of(
            rule(ANY, "api/v1/apps(/verify_credentials)?", ""),
            rule(READ, "api/v[12]/instance(/.*)?", ""),
            rule(READ, "api/v1/custom_emojis", ""),
            rule(READ, "api/v1/accounts/verify_credentials", "profile"),
            rule(WRITE, "api/v1/accounts/update_credentials", "write:accounts"),
            rule(WRITE, "api/v1/accounts/" + ID + "/(follow|unfollow|remove_from_followers)", "write:follows"),
            rule(WRITE, "api/v1/accounts/" + ID + "/(block|unblock)", "write:blocks"),
            rule(WRITE, "api/v1/accounts/" + ID + "/(mute|unmute)", "write:mutes"),
            rule(READ, "api/v1/accounts/relationships", "read:follows"),
            rule(READ, "api/v1/accounts(/.*)?", "read:accounts"),
            rule(READ, "api/v1/follow_requests(/.*)?", "read:follows"),
            rule(READ, "api/v1/followed_tags", "read:follows"),
            rule(WRITE, "api/v1/tags/" + ID + "/(follow|unfollow)", "write:follows"),
            rule(READ, "api/v1/streaming(/.*)?", "read:statuses"),
            rule(WRITE, "api/v1/follow_requests(/.*)?", "write:follows"),
            rule(WRITE, "api/v1/statuses/" + ID + "/(favourite|unfavourite)", "write:favourites"),
            rule(WRITE, "api/v1/statuses/" + ID + "/(bookmark|unbookmark)", "write:bookmarks"),
            rule(WRITE, "api/v1/statuses(/.*)?", "write:statuses"),
            rule(READ, "api/v1/(statuses|timelines|conversations)(/.*)?", "read:statuses"),
            rule(READ, "api/v1/markers", "read:statuses"),
            rule(READ, "api/v1/polls/" + ID, "read:statuses"),
            rule(WRITE, "api/v1/polls/" + ID + "/votes", "write:statuses"),
            rule(WRITE, "api/v1/markers", "write:statuses"),
            rule(READ, "api/v1/favourites", "read:favourites"),
            rule(READ, "api/v1/blocks", "read:blocks"),
            rule(READ, "api/v1/mutes", "read:mutes"),
            rule(READ, "api/v1/bookmarks", "read:bookmarks"),
            rule(READ, "api/v[12]/search", "read:search"),
            rule(READ, "api/v[12]/filters(/.*)?", "read:filters"),
            rule(WRITE, "api/v[12]/filters(/.*)?", "write:filters"),
            rule(READ, "api/v1/notifications(/.*)?", "read:notifications"),
            rule(WRITE, "api/v1/notifications(/.*)?", "write:notifications"),
            rule(READ, "api/v1/preferences", "read:accounts"),
            rule(READ, "api/v1/lists(/.*)?", "read:lists"),
            rule(WRITE, "api/v1/lists(/.*)?", "write:lists"),
            rule(WRITE, "api/v[12]/media(/.*)?", "write:media"),
            rule(WRITE, "api/v1/reports", "write:reports"),
            rule(WRITE, "api/v1/conversations(/.*)?", "write:conversations"),
            // The audit API is read-only, its POST (a long SPARQL query) included; the role check is in the resource.
            rule(ANY, "api/v1/admin/audit(/.*)?", "admin:read"),
            rule(READ, "api/.*", "read"),
            rule(WRITE, "api/.*", "write"));

    /** The scope a request needs; empty when it needs none (non-API paths, public endpoints). */
    Optional<String> of(String method, String path) {
        String normalized = path.startsWith("/") ? path.substring(1) : path;
        if (!normalized.startsWith("api/")) {
            return Optional.empty(); // every rule is under api/: federation traffic skips the patterns
        }
        for (Rule rule : rules) {
            if (rule.matches(method, normalized)) {
                return rule.scope().isEmpty() ? Optional.empty() : Optional.of(rule.scope());
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String methods, String path, String scope) {
        return new Rule(Pattern.compile(methods), Pattern.compile(path), scope);
    }
}
