package org.tributary.node.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.UpdateFactory;
import org.tributary.node.store.Database;

/**
 * The log as an in-memory RDF graph for read-only SPARQL. The log only grows, so the graph is kept and
 * only the entries appended since the last query are added before the next one (no rebuild). Queries run
 * under a read lock and a time limit; SPARQL Update and {@code SERVICE} (a query that would make the node
 * fetch other URLs) are refused. The graph is made at the first query: until an auditor asks, the node
 * loads none of the RDF and SPARQL library (about a thousand classes).
 */
public final class AuditGraph {
    private final Database database;
    private final AuditLogStore store;
    private final AuditLog log;
    private final AuditRdf rdf;
    private final Duration timeout;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Graph graph; // guarded by lock, made by the first catchUp
    private Model model; // the graph's view for queries; guarded by lock
    private long loaded;

    public AuditGraph(Database database, AuditLogStore store, AuditLog log, AuditRdf rdf, Duration timeout) {
        this.database = database;
        this.store = store;
        this.log = log;
        this.rdf = rdf;
        this.timeout = timeout;
    }

    /** Runs a SELECT, ASK, CONSTRUCT or DESCRIBE query over the whole committed log. */
    public SparqlOutcome query(String text) {
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            return isUpdate(text)
                    ? new SparqlOutcome.Refused(400, "sparql_update_forbidden", "the audit log is read-only")
                    : new SparqlOutcome.Refused(400, "sparql_syntax", String.valueOf(e.getMessage()));
        }
        if (usesService(query)) {
            return new SparqlOutcome.Refused(400, "sparql_service_forbidden", "SERVICE is not allowed");
        }
        catchUp();
        lock.readLock().lock();
        try (QueryExecution execution = QueryExecution.create().query(query).model(model)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            return answer(query, execution);
        } catch (QueryCancelledException e) {
            return new SparqlOutcome.Refused(503, "sparql_timeout",
                    "the query ran longer than " + timeout.toSeconds() + " s");
        } finally {
            lock.readLock().unlock();
        }
    }

    private static SparqlOutcome answer(Query query, QueryExecution execution) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (query.isSelectType()) {
            ResultSetFormatter.outputAsJSON(out, execution.execSelect());
            return new SparqlOutcome.Answered("application/sparql-results+json", out.toString(StandardCharsets.UTF_8));
        }
        if (query.isAskType()) {
            ResultSetFormatter.outputAsJSON(out, execution.execAsk());
            return new SparqlOutcome.Answered("application/sparql-results+json", out.toString(StandardCharsets.UTF_8));
        }
        Model result = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
        RDFDataMgr.write(out, result, Lang.NTRIPLES);
        return new SparqlOutcome.Answered("application/n-triples", out.toString(StandardCharsets.UTF_8));
    }

    /** Adds the entries committed since the last call. */
    private void catchUp() {
        long size = log.state().size();
        lock.writeLock().lock();
        try {
            if (graph == null) {
                graph = GraphFactory.createDefaultGraph();
                model = ModelFactory.createModelForGraph(graph);
            }
            if (loaded >= size) {
                return;
            }
            long from = loaded;
            database.inTransactionVoid(connection -> store.forEach(connection, from, size,
                    entry -> rdf.triples(entry).forEach(graph::add)));
            loaded = size;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean usesService(Query query) {
        AtomicBoolean found = new AtomicBoolean();
        walk(query, found);
        return found.get();
    }

    private static void walk(Query query, AtomicBoolean found) {
        if (query.getQueryPattern() == null) {
            return;
        }
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementService service) {
                found.set(true);
            }

            @Override
            public void visit(ElementSubQuery subQuery) {
                walk(subQuery.getQuery(), found);
            }
        });
    }
}
