package org.tributary.node.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tributary.node.account.Account;
import org.tributary.node.account.ProfileEdit;
import org.tributary.node.account.ProfileStore;
import org.tributary.node.post.PostRequest;
import org.tributary.node.post.Status;
import org.tributary.node.post.Visibility;
import org.tributary.node.testing.MutableClock;
import org.tributary.node.testing.TestServices;

/**
 * The index as a derived view: built from the store when empty, fed from a queue off the writers'
 * threads, committed in batches, and caught up with the store after a crash lost its uncommitted tail.
 */
class SearchIndexerTest {

    @Test
    void anEmptyIndexIsBuiltFromTheStoreAndAPopulatedOneOnlyCaughtUp() throws Exception {
        try (TestServices node = new TestServices(Clock.systemUTC());
                SearchIndex index = new SearchIndex(IndexLocation.inMemory())) {
            Account alice = node.employee("alice");
            node.profiles.update(alice, new ProfileEdit(Optional.empty(), Optional.empty(), Optional.of("Treasury"),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            Account suspended = node.employee("sam");
            node.database.inTransactionVoid(connection -> node.accountStore.setSuspended(connection, suspended.id(), true));
            Status kept = node.posts.post(alice, "Wombat #Logistics review", Visibility.ORGANIZATION);
            Status deleted = node.posts.post(alice, "Wombat draft", Visibility.ORGANIZATION);
            node.posts.delete(alice, deleted.id());

            assertTrue(index.isEmpty());
            assertEquals(SearchIndexer.CatchUp.BUILT, indexer(node, index).catchUp().kind());
            assertEquals(List.of(kept.id()), index.statuses("wombat", 10), "deleted posts are not indexed");
            assertEquals(List.of(kept.id()), List.copyOf(index.taggedStatuses("logis", 10).keySet()));
            assertEquals(List.of(alice.id()), index.accounts("ali", 10));
            assertEquals(List.of(alice.id()), index.accounts("treasury", 10), "with the profile");
            assertEquals(List.of(), index.accounts("sam", 10), "suspended people are not indexed");
            assertEquals(SearchIndexer.CatchUp.RECOVERED, indexer(node, index).catchUp().kind(),
                    "a populated index is not built again");
        }
    }

    @Test
    void aQueuedChangeIsFoundByTheNextSearch() {
        try (TestServices node = new TestServices(Clock.systemUTC())) {
            SearchIndex index = new SearchIndex(IndexLocation.inMemory());
            SearchIndexer indexer = indexer(node, index);
            indexer.start();
            try {
                Account alice = node.employee("alice");
                Status post = node.posts.post(alice, "Marmot sighting", Visibility.ORGANIZATION);
                node.database.inTransactionVoid(connection -> indexer.changed(connection, post.id()));
                indexer.changed(alice.id());

                assertEquals(List.of(post.id()), index.statuses("marmot", 10), "no wait between queueing and searching");
                assertEquals(List.of(alice.id()), index.accounts("alice", 10));

                node.posts.delete(alice, post.id());
                node.database.inTransactionVoid(connection -> indexer.removed(connection, post.id()));
                assertEquals(List.of(), index.statuses("marmot", 10));
            } finally {
                indexer.close();
            }
        }
    }

    @Test
    void whatACrashLostIsReadAgainFromTheStoreAtTheNextStart(@TempDir Path directory) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-03T09:00:00Z"));
        try (TestServices node = new TestServices(clock)) {
            Account alice = node.employee("alice");
            node.posts.post(alice, "Ibis report", Visibility.ORGANIZATION);
            Status edited = node.posts.post(alice, "Pelican report", Visibility.ORGANIZATION);
            Status deleted = node.posts.post(alice, "Heron report", Visibility.ORGANIZATION);
            clock.advance(Duration.ofHours(1));
            SearchIndex before = new SearchIndex(IndexLocation.onDisk(directory));
            SearchIndexer first = indexer(node, before);
            assertEquals(SearchIndexer.CatchUp.BUILT, first.catchUp().kind()); // built and committed

            clock.advance(Duration.ofHours(1));
            Status added = node.posts.post(alice, "Puffin report", Visibility.ORGANIZATION);
            node.posts.edit(alice, edited.id(), new PostRequest("Cormorant report", Visibility.ORGANIZATION, null,
                    null, false, null));
            node.posts.delete(alice, deleted.id());
            node.database.inTransactionVoid(connection -> {
                first.changed(connection, added.id());
                first.changed(connection, edited.id());
                first.removed(connection, deleted.id());
            });
            first.applyAllQueued();
            assertEquals(List.of(added.id()), before.statuses("puffin", 10), "applied, but not committed yet");
            before.abandon(); // a crash: only the last commit is left

            try (SearchIndex after = new SearchIndex(IndexLocation.onDisk(directory))) {
                assertEquals(List.of(), after.statuses("puffin", 10), "the crash lost it");
                SearchIndexer.CatchUpReport report = indexer(node, after).catchUp();
                assertEquals(SearchIndexer.CatchUp.RECOVERED, report.kind());
                assertEquals(2, report.posts(), "the new post and the edited one; not the ibis from before the commit");
                assertEquals(List.of(added.id()), after.statuses("puffin", 10));
                assertEquals(List.of(edited.id()), after.statuses("cormorant", 10));
                assertEquals(List.of(), after.statuses("pelican", 10));
                assertEquals(List.of(deleted.id()), after.statuses("heron", 10),
                        "a deletion is not read again: searches drop the hit (SearchServiceTest)");
            }
        }
    }

    @Test
    void aBuildThatDidNotFinishIsNotCommitted(@TempDir Path directory) {
        try (TestServices node = new TestServices(Clock.systemUTC())) {
            Account alice = node.employee("alice");
            SearchIndexer indexer = indexer(node, new SearchIndex(IndexLocation.onDisk(directory)));
            indexer.changed(alice.id()); // e.g. a command run before the node ever served
            indexer.close();
            try (SearchIndex reopened = new SearchIndex(IndexLocation.onDisk(directory))) {
                assertTrue(reopened.isEmpty(), "so the next start builds the whole index");
            }
        }
    }

    @Test
    void anIndexOnDiskSurvivesARestart(@TempDir Path directory) throws Exception {
        try (SearchIndex index = new SearchIndex(IndexLocation.onDisk(directory))) {
            index.putStatus(42, "Pangolin quarterly", List.of("pangolin"));
        }
        try (SearchIndex reopened = new SearchIndex(IndexLocation.onDisk(directory))) {
            assertFalse(reopened.isEmpty());
            assertEquals(List.of(42L), reopened.statuses("pangolin", 10));
            reopened.removeStatus(42);
            reopened.refresh();
            assertEquals(List.of(), reopened.statuses("pangolin", 10));
        }
    }

    @Test
    void anIndexWrittenInAnotherLayoutIsDroppedAndBuiltAgain(@TempDir Path directory) throws Exception {
        try (FSDirectory files = FSDirectory.open(directory);
                IndexWriter older = new IndexWriter(files, new IndexWriterConfig())) {
            Document document = new Document();
            document.add(new StoredField("id", 7L));
            older.addDocument(document);
            older.commit();
        }
        try (SearchIndex index = new SearchIndex(IndexLocation.onDisk(directory))) {
            assertTrue(index.isEmpty(), "so the indexer builds it from the store");
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

    private static SearchIndexer indexer(TestServices node, SearchIndex index) {
        return new SearchIndexer(node.database, index, node.accountStore, new ProfileStore(), node.clock);
    }
}
