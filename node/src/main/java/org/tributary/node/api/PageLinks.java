package org.tributary.node.api;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;

/** Mastodon's {@code Link} header: {@code next} pages older items, {@code prev} newer ones. */
final class PageLinks {
    private PageLinks() {
    }

    static Optional<String> of(UriInfo uri, List<Long> idsNewestFirst) {
        if (idsNewestFirst.isEmpty()) {
            return Optional.empty();
        }
        String next = uri.getRequestUriBuilder().replaceQueryParam("max_id", idsNewestFirst.get(idsNewestFirst.size() - 1))
                .replaceQueryParam("min_id").replaceQueryParam("since_id").build().toString();
        String prev = uri.getRequestUriBuilder().replaceQueryParam("min_id", idsNewestFirst.get(0))
                .replaceQueryParam("max_id").replaceQueryParam("since_id").build().toString();
        return Optional.of("<" + next + ">; rel=\"next\", <" + prev + ">; rel=\"prev\"");
    }
}
