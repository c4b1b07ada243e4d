package org.tributary.node.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
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
    /**
     * The commit data key of the document layout; an index written in another layout is dropped at
     * open and built again from the store. 2: ids in doc values, read without decompressing stored fields.
     */
    private static final String FORMAT_KEY = "format";
    private static final String FORMAT = "2";
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
            Map<String, String> previous = DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
            boolean sameFormat = FORMAT.equals(previous.get(FORMAT_KEY));
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(sameFormat
                    ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE));
            this.committedData = sameFormat ? Map.copyOf(previous) : Map.of();
            // Whatever commits next (even a close without an explicit commit) records the layout.
            writer.setLiveCommitData(withFormat(committedData).entrySet(), false);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    private static Map<String, String> withFormat(Map<String, String> data) {
        Map<String, String> all = new HashMap<>(data);
        all.put(FORMAT_KEY, FORMAT);
        return all;
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
            writer.setLiveCommitData(withFormat(data).entrySet());
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
        return search(query, max, (searcher, hits) -> {
            long[] ids = ids(searcher, hits);
            StoredFields storedFields = searcher.storedFields();
            Map<Long, List<String>> tagged = new LinkedHashMap<>();
            for (int i = 0; i < hits.length; i++) {
                tagged.put(ids[i], List.of(storedFields.document(hits[i].doc, Set.of(TAG)).getValues(TAG)));
            }
            return tagged;
        });
    }

    private List<Long> ids(Query query, int max) {
        return search(query, max, (searcher, hits) -> Arrays.stream(ids(searcher, hits)).boxed().toList());
    }

    /** Reads what a search needs from its hits, best first. */
    private interface HitsReader<T> {
        T read(IndexSearcher searcher, ScoreDoc[] hits) throws IOException;
    }

    /**
     * The ids of the hits, in hit order, from doc values: reading a stored field instead would decompress
     * a block of stored documents per hit, most of the cost of a query.
     */
    private static long[] ids(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        long[] ids = new long[hits.length];
        Integer[] byDoc = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, Comparator.comparingInt(i -> hits[i].doc)); // doc values are read forwards only
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = null;
        NumericDocValues values = null;
        for (int i : byDoc) {
            int doc = hits[i].doc;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getNumeric(leaf.reader(), ID);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("an indexed document without an id");
            }
            ids[i] = values.longValue();
        }
        return ids;
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

    private <T> T search(Query query, int max, HitsReader<T> reader) {
        try {
            refreshForSearch();
            IndexSearcher searcher = searchers.acquire();
            try {
                return reader.read(searcher, searcher.search(query, Math.max(1, max)).scoreDocs);
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
        document.add(new NumericDocValuesField(ID, id));
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
