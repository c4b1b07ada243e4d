package org.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.tributary.node.http.JettyServers;
import org.tributary.node.store.Database;
import org.tributary.node.store.DerbyDataSources;
import org.tributary.node.store.GroupCommit;
import org.tributary.node.store.Jdbc;

/**
 * Benchmark 1's floors: a server that answers every POST with 202 after doing the least a node must, so the
 * same signed requests show what the parts alone allow on this machine. {@code http}: Jetty as the node sets it
 * up, reading each body whole. {@code durable-row}: that, plus one row holding the body committed durably in
 * embedded Derby, with the node's group commit, before the answer. Nothing is verified or parsed: whatever a
 * node does besides costs on top of these.
 *
 * <p>Run as its own process, like a node: {@code FloorServer <http|durable-row> <port> <data directory>}.
 */
public final class FloorServer {
    /** What the server does for each request. */
    public enum Level {
        HTTP("http"), DURABLE_ROW("durable-row");

        final String argument;

        Level(String argument) {
            this.argument = argument;
        }

        static Level of(String argument) {
            for (Level level : values()) {
                if (level.argument.equals(argument)) {
                    return level;
                }
            }
            throw new IllegalArgumentException("unknown level " + argument + "; expected http or durable-row");
        }
    }

    /** At most this many bodies a batch, as the inbox's own group commit takes (the log's takes more). */
    private static final int MAX_BATCH = 128;
    /** What the server prints once it listens. */
    static final String LISTENING = "floor server listening";

    private FloorServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FloorServer <http|durable-row> <port> <data directory>");
        }
        Level level = Level.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Store store = level == Level.DURABLE_ROW ? Store.open(Path.of(args[2]).resolve("db")) : null;
        Server server = JettyServers.create("127.0.0.1", port, "floor-http");
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                byte[] body = Content.Source.asInputStream(request).readAllBytes();
                if (store != null) {
                    store.commit(body);
                }
                response.setStatus(202);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
                response.write(true, null, callback);
                return true;
            }
        });
        // It serves the benchmark that started it, and ends with it even when that is killed.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        server.start();
        System.out.println(String.format(Locale.ROOT, "%s on %d (%s)", LISTENING, port, level.argument));
        server.join();
    }

    /** One table of bodies, written by concurrent requests through one group commit. */
    private static final class Store {
        private final GroupCommit<byte[], Boolean> commits;

        private Store(Database database) {
            AtomicLong ids = new AtomicLong();
            this.commits = new GroupCommit<>(MAX_BATCH, batch -> database.inTransaction(connection -> {
                List<Boolean> stored = new ArrayList<>(batch.size());
                for (byte[] body : batch) {
                    Jdbc.update(connection, "INSERT INTO floor_rows (id, body) VALUES (?, ?)", ids.incrementAndGet(),
                            body);
                    stored.add(true);
                }
                return stored;
            }));
        }

        static Store open(Path directory) {
            Database database = new Database(DerbyDataSources.onDisk(directory));
            database.inTransactionVoid(connection -> Jdbc.update(connection,
                    "CREATE TABLE floor_rows (id BIGINT NOT NULL PRIMARY KEY, body BLOB NOT NULL)"));
            return new Store(database);
        }

        void commit(byte[] body) {
            commits.submit(body);
        }
    }
}
