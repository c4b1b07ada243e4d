package org.tributary.node.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import org.tributary.node.account.Account;
import org.tributary.node.account.AccountStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusTagStore;
import org.tributary.node.post.StatusViews;
import org.tributary.node.store.Database;
import org.tributary.node.timeline.StatusVisibility;

/**
 * Searches people, posts and hashtags for a viewer. The index only proposes candidates: each one is
 * loaded from the store and kept only if the viewer may see it ({@link StatusVisibility}, the one read
 * rule), it is not deleted or suspended, and the {@link SearchExclusions} (blocks) do not hide it. A
 * hashtag is offered only when a post the viewer may see carries it. So a document the index still holds
 * for a post deleted since (the index is re-read after a crash, deletions are not: see
 * {@link IndexWatermark}) is never shown. Hits are loaded and checked a chunk at a time, one
 * transaction per chunk.
 */
public final class SearchService {
    /** Mastodon's default and maximum page sizes. */
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 40;
    /** How many index hits are checked against the visibility rule for one page. */
    static final int CANDIDATES = 1000;
    /** The fewest hits loaded from the store at a time. */
    private static final int MIN_CHUNK = 32;

    /** Which results are wanted. */
    public enum Type {
        ACCOUNTS, STATUSES, HASHTAGS, ALL
    }

    private final Database database;
    private final SearchIndex index;
    private final AccountStore accounts;
    private final StatusViews views;
    private final StatusVisibility visibility;
    private final SearchExclusions exclusions;
    private final SearchResolver resolver;
    private final SearchHits hits = new SearchHits();

    public SearchService(Database database, SearchIndex index, AccountStore accounts,
            StatusViews views, StatusVisibility visibility, SearchExclusions exclusions, SearchResolver resolver) {
        this.database = database;
        this.index = index;
        this.accounts = accounts;
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
        LongPredicate hidden = exclusions.hiddenFrom(viewer);
        List<Account> found = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(ids), skip + size)) {
            found.addAll(database.inTransaction(connection -> {
                List<Account> shown = new ArrayList<>();
                for (long id : chunk) {
                    accounts.findById(connection, id).filter(account -> !account.suspended()
                            && !account.isInstanceActor() && !hidden.test(id)).ifPresent(shown::add);
                }
                return shown;
            }));
            if (found.size() >= skip + size) {
                break;
            }
        }
        return page(found, size, skip);
    }

    private List<Status> statuses(Account viewer, String q, Optional<Status> resolved, int size, int skip) {
        Set<Long> ids = new LinkedHashSet<>();
        resolved.ifPresent(status -> ids.add(status.id()));
        ids.addAll(index.statuses(q, CANDIDATES));
        return page(visible(viewer, List.copyOf(ids), skip + size), size, skip);
    }

    /** Tags starting with the query (without its '#'), most used among visible posts first. */
    private List<String> hashtags(Account viewer, String q, int size, int skip) {
        String prefix = StatusTagStore.normalize(q.startsWith("#") ? q.substring(1) : q).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty() || prefix.contains(" ")) {
            return List.of();
        }
        Map<Long, List<String>> hits = index.taggedStatuses(prefix, CANDIDATES);
        Map<String, Integer> counts = new HashMap<>();
        for (Status status : visible(viewer, List.copyOf(hits.keySet()), Integer.MAX_VALUE)) {
            hits.get(status.id()).stream().filter(tag -> tag.startsWith(prefix))
                    .forEach(tag -> counts.merge(tag, 1, Integer::sum));
        }
        List<String> tags = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        return page(tags, size, skip);
    }

    /**
     * The first {@code wanted} of the hits the viewer may see, in hit order: each chunk of hits is loaded
     * in one transaction (posts, their authors' suspension, the viewer's blocks) and passed through the
     * read rule together.
     */
    private List<Status> visible(Account viewer, List<Long> ids, int wanted) {
        LongPredicate hidden = exclusions.hiddenFrom(viewer);
        List<Status> found = new ArrayList<>();
        for (List<Long> chunk : chunks(ids, wanted)) {
            found.addAll(database.inTransaction(connection -> {
                List<Status> live = hits.statuses(connection, chunk);
                Set<Long> suspended = hits.suspended(connection,
                        live.stream().map(Status::accountId).distinct().toList());
                return visibility.visible(connection, viewer, live.stream()
                        .filter(status -> !suspended.contains(status.accountId()) && !hidden.test(status.accountId()))
                        .toList());
            }));
            if (found.size() >= wanted) {
                return found.subList(0, wanted);
            }
        }
        return found;
    }

    /** Hits in chunks sized for how many results are wanted (most searches need only the first). */
    private static List<List<Long>> chunks(List<Long> ids, int wanted) {
        int chunk = (int) Math.max(MIN_CHUNK, Math.min(InList.MAX, wanted + wanted / 2L));
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += chunk) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + chunk)));
        }
        return chunks;
    }

    private static <T> List<T> page(List<T> all, int size, int skip) {
        if (skip >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList(skip, Math.min(all.size(), skip + size)));
    }
}
