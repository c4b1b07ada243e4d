package org.tributary.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.node.account.Account;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.TestServices;

/** The index as a derived view: rebuilt from the store when empty, kept on disk across restarts. */
class SearchIndexerTest {

    @Test
    void anEmptyIndexIsRebuiltFromTheStoreAndOnlyThen() {
        try (TestServices node = new TestServices(Clock.systemUTC());
                SearchIndex index = new SearchIndex(IndexLocation.inMemory())) {
            Account alice = node.employee("alice");
            Status kept = node.posts.post(alice, "Wombat #Logistics review", Visibility.ORGANIZATION);
            Status deleted = node.posts.post(alice, "Wombat draft", Visibility.ORGANIZATION);
            node.posts.delete(alice, deleted.id());
            SearchIndexer indexer = new SearchIndexer(node.database, index, node.statusStore, node.tagStore,
                    node.accountStore, new ProfileStore());

            assertTrue(index.isEmpty());
            assertTrue(indexer.rebuildIfEmpty());
            assertEquals(List.of(kept.id()), index.statuses("wombat", 10), "deleted posts are not indexed");
            assertEquals(List.of(kept.id()), List.copyOf(index.taggedStatuses("logis", 10).keySet()));
            assertEquals(List.of(alice.id()), index.accounts("ali", 10));
            assertFalse(indexer.rebuildIfEmpty(), "a populated index is left alone");
        }
    }

    @Test
    void anIndexOnDiskSurvivesARestart(@TempDir Path directory) {
        try (SearchIndex index = new SearchIndex(IndexLocation.onDisk(directory))) {
            index.putStatus(42, "Pangolin quarterly", List.of("pangolin"));
        }
        try (SearchIndex reopened = new SearchIndex(IndexLocation.onDisk(directory))) {
            assertFalse(reopened.isEmpty());
            assertEquals(List.of(42L), reopened.statuses("pangolin", 10));
            reopened.removeStatus(42);
            assertEquals(List.of(), reopened.statuses("pangolin", 10));
        }
    }

    @Test
    void userSyntaxNeverFailsAQuery() {
        try (SearchIndex index = new SearchIndex(IndexLocation.inMemory())) {
            index.putStatus(1, "exact phrase here", List.of());
            index.putStatus(2, "phrase exact here", List.of());
            assertEquals(List.of(1L), index.statuses("\"exact phrase\"", 10));
            assertEquals(List.of(2L), index.statuses("here -\"exact phrase\"", 10));
            assertEquals(List.of(), index.statuses("((( \" -", 10));
            assertEquals(List.of(), index.accounts("   ", 10));
        }
    }
}
