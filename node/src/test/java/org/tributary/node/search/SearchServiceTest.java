package org.tributary.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tributary.node.account.Account;
import org.tributary.node.post.Status;
import org.tributary.node.post.StatusView;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/** The read rule over index hits: the index proposes, the store decides. */
class SearchServiceTest {

    @Test
    void hitsOfPostsNoLongerInTheStoreAreDropped() {
        try (TestServices node = new TestServices(Clock.systemUTC());
                SearchIndex index = new SearchIndex(IndexLocation.inMemory())) {
            Account alice = node.employee("alice");
            Account bob = node.employee("bob");
            Status kept = node.posts.post(alice, "Heron report", Visibility.ORGANIZATION);
            Status deleted = node.posts.post(alice, "Heron notes", Visibility.ORGANIZATION);
            index.putStatus(kept.id(), "heron report", List.of());
            index.putStatus(deleted.id(), "heron notes", List.of("heronry"));
            index.putStatus(Long.MAX_VALUE, "heron never stored", List.of("heronry"));
            node.posts.delete(alice, deleted.id());
            SearchService search = service(node, index);

            SearchResults results = search.search(bob, "heron", SearchService.Type.ALL, false, 20, 0);
            assertEquals(3, index.statuses("heron", 10).size(), "the index still holds all three");
            assertEquals(List.of(kept.id()), results.statuses().stream().map(StatusView::status).map(Status::id)
                    .toList());
            assertEquals(List.of(), results.hashtags(), "nor do their hashtags count");
        }
    }

    private static SearchService service(TestServices node, SearchIndex index) {
        return new SearchService(node.database, index, node.accountStore, node.statusViews,
                node.visibility, SearchExclusions.none(), new SearchResolver(node.database, node.accountStore,
                        node.statusStore, node.remoteAccounts, null, node.fetcher, node.peers, node.uris));
    }
}
