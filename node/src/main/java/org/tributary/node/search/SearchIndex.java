package org.tributary.node.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index: one document per post (its words, hashtags) and per person (handle, name, profile),
 * keyed so an edit replaces the old document, and the queue of posts and people whose document is out
 * of date ({@link IndexQueue}, filled and drained by {@link SearchIndexer}).
 *
 * <p>Writes are not durable one by one: {@link SearchIndexer} commits every few seconds and at close,
 * recording in each commit since when every change is in it ({@link IndexWatermark}); the store stays
 * the truth and the indexer re-reads what a crash lost at the next start.
 *
 * <p>Searches read a near-real-time view of the writer, reopened when a search needs it: a search waits
 * (up to {@link #QUEUED_WAIT}) for the changes queued before it to be applied, so a post is found by a
 * search made once the request that stored it has returned; other changes (a rebuild, direct calls)
 * show within {@link #REFRESH_INTERVAL}. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String TAG = "tag";
    private static final String STATUS = "status";
    private static final String ACCOUNT = "account";

    /** How long a search waits for the changes queued before it; past that it answers from what is there. */
    static final Duration QUEUED_WAIT = Duration.ofSeconds(2);
    /** How stale the searchers may get for changes no search is waiting for (a rebuild, direct calls). */
    static final Duration REFRESH_INTERVAL = Duration.ofMillis(100);

    private final Analyzer analyzer = new SearchAnalyzer();
    private final IndexQueue queue = new IndexQueue();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> committedData;
    /** Counts writes to the writer, so a search can tell whether its searcher misses any. */
    private final AtomicLong writes = new AtomicLong();
    private final Object refreshLock = new Object();
    private volatile long visibleWrites;
    private volatile long visibleThrough;
    private volatile long lastRefreshNanos = System.nanoTime() - REFRESH_INTERVAL.toNanos();

    public SearchIndex(IndexLocation location) {
        try {
            if (location.directory().isPresent()) {
                Files.createDirectories(location.directory().get());
                this.directory = FSDirectory.open(location.directory().get());
            } else {
                this.directory = new ByteBuffersDirectory();
            }
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.committedData = Map.copyOf(userData(writer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    /** Whether nothing was ever indexed: a new or lost index, which the node rebuilds from the store. */
    public boolean isEmpty() {
        return writer.getDocStats().numDocs == 0;
    }

    /** The changes waiting to be applied. */
    IndexQueue queue() {
        return queue;
    }

    /** What the last durable commit recorded when this index was opened (empty for a new index). */
    Map<String, String> committedData() {
        return committedData;
    }

    /** Whether anything was written since the last durable commit. */
    boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    /** Makes everything written so far durable, recording {@code data} with it. */
    void commit(Map<String, String> data) {
        try {
            writer.setLiveCommitData(Map.copyOf(data).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    public void putStatus(long id, String text, List<String> tags) {
        Document document = base(STATUS, id);
        document.add(new TextField(TEXT, text, Field.Store.NO));
        tags.forEach(tag -> document.add(new StringField(TAG, tag, Field.Store.YES)));
        replace(key(STATUS, id), document);
    }

    public void putAccount(long id, String text) {
        Document document = base(ACCOUNT, id);
        document.add(new TextField(TEXT, text, Field.Store.NO));
        replace(key(ACCOUNT, id), document);
    }

    public void removeStatus(long id) {
        remove(key(STATUS, id));
    }

    public void removeAccount(long id) {
        remove(key(ACCOUNT, id));
    }

    /**
     * Posts matching a query in the simple syntax users type ({@code "exact phrase"}, {@code -not},
     * {@code prefix*}, {@code a | b}; every word required otherwise), best first.
     */
    public List<Long> statuses(String query, int max) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, TEXT);
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query text = parser.parse(query);
        return ids(withKind(STATUS, text == null ? new MatchNoDocsQuery() : text), max);
    }

    /** People whose handle, name or profile has words starting with every word of the query. */
    public List<Long> accounts(String query, int max) {
        List<String> words = analyze(query);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(TEXT, word)), 2f), BooleanClause.Occur.SHOULD)
                    .add(new PrefixQuery(new Term(TEXT, word)), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.MUST);
        }
        return ids(withKind(ACCOUNT, all.build()), max);
    }

    /** Posts carrying a hashtag that starts with {@code prefix} (lower case), with their tags. */
    public Map<Long, List<String>> taggedStatuses(String prefix, int max) {
        Query query = withKind(STATUS, new PrefixQuery(new Term(TAG, prefix)));
        return search(query, max, (storedFields, doc) -> {
            Document document = storedFields.document(doc);
            return List.of(document.getValues(TAG));
        });
    }

    private List<Long> ids(Query query, int max) {
        return new ArrayList<>(search(query, max, (storedFields, doc) -> List.<String>of()).keySet());
    }

    /** Reads something from each hit's stored fields. */
    private interface HitReader<T> {
        T read(StoredFields storedFields, int doc) throws IOException;
    }

    /**
     * Brings the searchers up to date for a search starting now: the changes queued before it must be
     * visible (waiting for the indexer to apply them, within limits); other changes may lag a little.
     */
    private void refreshForSearch() throws IOException {
        long queued = queue.lastSequence();
        if (visibleThrough < queued) {
            try {
                queue.awaitApplied(queued, QUEUED_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            refresh();
        } else if (visibleWrites < writes.get() && System.nanoTime() - lastRefreshNanos >= REFRESH_INTERVAL.toNanos()) {
            refresh();
        }
    }

    /** Reopens the searchers on everything written so far (searches running meanwhile keep their view). */
    void refresh() throws IOException {
        synchronized (refreshLock) {
            long through = queue.appliedThrough();
            long written = writes.get();
            if (written == visibleWrites && through == visibleThrough) {
                return;
            }
            searchers.maybeRefreshBlocking();
            visibleWrites = written;
            visibleThrough = through;
            lastRefreshNanos = System.nanoTime();
        }
    }

    private <T> Map<Long, T> search(Query query, int max, HitReader<T> reader) {
        try {
            refreshForSearch();
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<Long, T> hits = new LinkedHashMap<>();
                StoredFields storedFields = searcher.storedFields();
                for (ScoreDoc hit : searcher.search(query, Math.max(1, max)).scoreDocs) {
                    long id = storedFields.document(hit.doc).getField(ID).numericValue().longValue();
                    hits.put(id, reader.read(storedFields, hit.doc));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private List<String> analyze(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Query withKind(String kind, Query query) {
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND, kind)), BooleanClause.Occur.FILTER).build();
    }

    private static Document base(String kind, long id) {
        Document document = new Document();
        document.add(new StringField(KEY, kind + ":" + id, Field.Store.NO));
        document.add(new StringField(KIND, kind, Field.Store.NO));
        document.add(new StoredField(ID, id));
        return document;
    }

    private static Term key(String kind, long id) {
        return new Term(KEY, kind + ":" + id);
    }

    private void replace(Term key, Document document) {
        try {
            writer.updateDocument(key, document);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
    }

    private void remove(Term key) {
        try {
            writer.deleteDocuments(key);
            writes.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
    }

    /** Closes without a commit: what a crash leaves is the last durable commit (tests). */
    void abandon() {
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }

    /** Closes the index; what was written since the last {@link #commit} is committed with its data. */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }
}
