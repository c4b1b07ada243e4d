package org.tributary.node.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusStore;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Searches people, posts and hashtags for a viewer. The index only proposes candidates: each one is
 * loaded from the store and kept only if the viewer may see it ({@link StatusVisibility}, the one read
 * rule), it is not deleted or suspended, and the {@link SearchExclusions} (blocks) do not hide it. A
 * hashtag is offered only when a post the viewer may see carries it.
 */
public final class SearchService {
    /** Mastodon's default and maximum page sizes. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;
    /** How many index hits are checked against the visibility rule for one page. */
    static final int CANDIDATES = 1000;

    /** Which results are wanted. */
    public enum Type {
        ACCOUNTS, STATUSES, HASHTAGS, ALL
    }

    private final Database database;
    private final SearchIndex index;
    private final AccountStore accounts;
    private final StatusStore statuses;
    private final StatusViews views;
    private final StatusVisibility visibility;
    private final SearchExclusions exclusions;
    private final SearchResolver resolver;

    public SearchService(Database database, SearchIndex index, AccountStore accounts, StatusStore statuses,
            StatusViews views, StatusVisibility visibility, SearchExclusions exclusions, SearchResolver resolver) {
        this.database = database;
        this.index = index;
        this.accounts = accounts;
        this.statuses = statuses;
        this.views = views;
        this.visibility = visibility;
        this.exclusions = exclusions;
        this.resolver = resolver;
    }

    public SearchResults search(Account viewer, String query, Type type, boolean resolve, int limit, int offset) {
        String q = query == null ? "" : query.strip();
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        int skip = Math.max(0, offset);
        if (q.isEmpty()) {
            return new SearchResults(List.of(), List.of(), List.of());
        }
        SearchResolver.Resolved resolved = resolve && skip == 0 ? resolver.resolve(q)
                : new SearchResolver.Resolved(Optional.empty(), Optional.empty());
        List<Account> people = wants(type, Type.ACCOUNTS) ? accounts(viewer, q, resolved.account(), size, skip)
                : List.of();
        List<Status> posts = wants(type, Type.STATUSES) ? statuses(viewer, q, resolved.status(), size, skip)
                : List.of();
        List<String> tags = wants(type, Type.HASHTAGS) ? hashtags(viewer, q, size, skip) : List.of();
        return new SearchResults(people, views.of(posts), tags);
    }

    private static boolean wants(Type asked, Type part) {
        return asked == Type.ALL || asked == part;
    }

    private List<Account> accounts(Account viewer, String q, Optional<Account> resolved, int size, int skip) {
        Set<Long> ids = new LinkedHashSet<>();
        resolved.ifPresent(account -> ids.add(account.id()));
        ids.addAll(index.accounts(q.startsWith("@") ? q.substring(1) : q, CANDIDATES));
        List<Account> found = new ArrayList<>();
        for (long id : ids) {
            Optional<Account> account = database.inTransaction(connection -> accounts.findById(connection, id));
            if (account.isPresent() && !account.get().suspended() && !account.get().isInstanceActor()
                    && !exclusions.hides(viewer, id)) {
                found.add(account.get());
            }
        }
        return page(found, size, skip);
    }

    private List<Status> statuses(Account viewer, String q, Optional<Status> resolved, int size, int skip) {
        Set<Long> ids = new LinkedHashSet<>();
        resolved.ifPresent(status -> ids.add(status.id()));
        ids.addAll(index.statuses(q, CANDIDATES));
        List<Status> found = new ArrayList<>();
        for (long id : ids) {
            if (found.size() >= skip + size) {
                break;
            }
            visible(viewer, id).ifPresent(found::add);
        }
        return page(found, size, skip);
    }

    /** Tags starting with the query (without its '#'), most used among visible posts first. */
    private List<String> hashtags(Account viewer, String q, int size, int skip) {
        String prefix = StatusTagStore.normalize(q.startsWith("#") ? q.substring(1) : q).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.contains(" ")) {
            return List.of();
        }
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (Map.Entry<Long, List<String>> hit : index.taggedStatuses(prefix, CANDIDATES).entrySet()) {
            if (visible(viewer, hit.getKey()).isPresent()) {
                hit.getValue().stream().filter(tag -> tag.startsWith(prefix))
                        .forEach(tag -> counts.merge(tag, 1, Integer::sum));
            }
        }
        List<String> tags = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return page(tags, size, skip);
    }

    private Optional<Status> visible(Account viewer, long statusId) {
        return database.inTransaction(connection -> {
            Optional<Status> status = statuses.findById(connection, statusId);
            if (status.isEmpty() || exclusions.hides(viewer, status.get().accountId())
                    || accounts.findById(connection, status.get().accountId()).map(Account::suspended).orElse(true)
                    || !visibility.canSee(connection, viewer, status.get())) {
                return Optional.<Status>empty();
            }
            return status;
        });
    }

    private static <T> List<T> page(List<T> all, int size, int skip) {
        if (skip >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(skip, Math.min(all.size(), skip + size)));
    }
}
