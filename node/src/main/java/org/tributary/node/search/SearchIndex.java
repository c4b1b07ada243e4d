package org.tributary.node.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * keyed so an edit replaces the old document. Every change is committed at once, so what a crash
 * leaves behind is at worst one change short (the store stays the truth). Reads go through a
 * near-real-time searcher refreshed before each query. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String TAG = "tag";
    private static final String STATUS = "status";
    private static final String ACCOUNT = "account";

    private final Analyzer analyzer = new SearchAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

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
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** Whether nothing was ever indexed: a new or lost index, which the node rebuilds from the store. */
    public boolean isEmpty() {
        return writer.getDocStats().numDocs == 0;
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

    private <T> Map<Long, T> search(Query query, int max, HitReader<T> reader) {
        try {
            searchers.maybeRefreshBlocking();
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
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
    }

    private void remove(Term key) {
        try {
            writer.deleteDocuments(key);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
    }

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
