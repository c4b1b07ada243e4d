package org.tributary.node.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.tributary.node.account.Account;
import org.tributary.node.follow.FollowLists;
import org.tributary.node.post.Page;
import org.tributary.node.post.Status;

/**
 * Every list of the client API answers the same way: a JSON array, newest first, with Mastodon's
 * {@code Link} header ({@link PageLinks}) computed from the ids the page was cut by.
 */
final class Paging {
    private final ClientModels models;

    Paging(ClientModels models) {
        this.models = models;
    }

    static Page page(Long maxId, Long sinceId, Long minId, Integer limit) {
        return new Page(maxId, sinceId, minId, limit == null ? Page.DEFAULT_LIMIT : limit);
    }

    /**
     * Posts with their author, mentions, tags, media, counts and polls, and whether {@code viewer} liked and
     * boosted each, read together for the whole page.
     */
    Response statuses(List<Status> statuses, Account viewer, UriInfo uri) {
        List<StatusDto> body = models.statuses(statuses, Optional.of(viewer));
        return respond(body, statuses, Status::id, uri);
    }

    /** Accounts from follow relations, paged by the follow's id as Mastodon does. */
    Response follows(List<FollowLists.Entry> entries, UriInfo uri) {
        List<AccountDto> body = models.accounts(entries.stream().map(FollowLists.Entry::account).toList());
        return respond(body, entries, FollowLists.Entry::followId, uri);
    }

    static <T, D> Response respond(List<D> body, List<T> items, ToLongFunction<T> id, UriInfo uri) {
        Response.ResponseBuilder response = Response.ok(body);
        PageLinks.of(uri, items.stream().map(item -> id.applyAsLong(item)).toList())
                .ifPresent(link -> response.header("Link", link));
        return response.build();
    }
}
