package org.tributary.node.auth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A set of OAuth scopes as Mastodon defines them: the top-level {@code read}, {@code write},
 * {@code follow} and {@code profile}, and the {@code read:*} / {@code write:*} sub-scopes. A top-level
 * scope covers all its sub-scopes; the legacy {@code follow} covers the relationship sub-scopes.
 * Of Mastodon's admin scopes only {@code admin:read} exists here (the node's admin API, the audit log, is
 * read-only); a top-level {@code read} also grants it, because the real gate for admin endpoints is the
 * account's role, and an auditor's ordinary {@code read} token should not need a second login.
 */
public record Scopes(Set<String> values) {
    private static final Set<String> TOP_LEVEL = Set.of("read", "write", "follow", "push", "profile");
    private static final String ADMIN_READ = "admin:read";
    private static final Set<String> READ = Set.of("accounts", "blocks", "bookmarks", "favourites", "filters",
            "follows", "lists", "mutes", "notifications", "search", "statuses");
    private static final Set<String> WRITE = Set.of("accounts", "blocks", "bookmarks", "conversations",
            "favourites", "filters", "follows", "lists", "media", "mutes", "notifications", "reports", "statuses");
    private static final Set<String> FOLLOW_COVERS = Set.of("read:follows", "read:blocks", "read:mutes",
            "write:follows", "write:blocks", "write:mutes");

    public Scopes {
        values = Set.copyOf(values);
    }

    /**
     * Parses a space-separated (or, from query strings, plus-separated) scope list. Blank means
     * {@code fallback}. An unknown scope is refused with an {@link IllegalArgumentException} naming it.
     */
    public static Scopes parse(String text, Scopes fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (String scope : text.strip().split("[\\s+]+")) {
            if (!isKnown(scope)) {
                throw new IllegalArgumentException("unknown scope " + printable(scope));
            }
            parsed.add(scope);
        }
        return new Scopes(parsed);
    }

    public static Scopes of(String... scopes) {
        return new Scopes(new LinkedHashSet<>(Arrays.asList(scopes)));
    }

    static boolean isKnown(String scope) {
        if (TOP_LEVEL.contains(scope) || ADMIN_READ.equals(scope)) {
            return true;
        }
        if (scope.startsWith("read:")) {
            return READ.contains(scope.substring(5));
        }
        return scope.startsWith("write:") && WRITE.contains(scope.substring(6));
    }

    /** Whether {@code scope} is granted by this set, directly or through a scope that includes it. */
    public boolean covers(String scope) {
        if (values.contains(scope)) {
            return true;
        }
        if (ADMIN_READ.equals(scope)) {
            return values.contains("read");
        }
        int colon = scope.indexOf(':');
        if (colon > 0 && values.contains(scope.substring(0, colon))) {
            return true;
        }
        return values.contains("follow") && FOLLOW_COVERS.contains(scope);
    }

    /** Whether a token with these scopes may call an endpoint that requires {@code required}. */
    public boolean allows(String required) {
        return covers(required) || ("profile".equals(required) && covers("read:accounts"));
    }

    /** Whether every scope here is covered by {@code granted} (an app may hand out only what it registered). */
    public boolean isWithin(Scopes granted) {
        return values.stream().allMatch(granted::covers);
    }

    /** Space-separated, in a stable order, as OAuth responses carry scopes. */
    @Override
    public String toString() {
        return String.join(" ", values.stream().sorted().toList());
    }

    private static String printable(String scope) {
        String clipped = scope.length() > 40 ? scope.substring(0, 40) + "..." : scope;
        return clipped.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
