package org.tributary.node.http;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty as the node runs it: its thread pool and one HTTP/1.1 connector. {@link NodeServer} builds on it, and so
 * does the benchmarks' floor server, which must measure the same setup.
 */
public final class JettyServers {
    private JettyServers() {
    }

    /** A server, not started, with one connector on {@code bindHost:port} and its threads named {@code threads}. */
    public static Server create(String bindHost, int port, String threads) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName(threads);
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        // No per-connection cache of parsed header fields: Jetty's default one costs about 96 KB per
        // connection (a 1,024-row trie), and under a burst of reads a client opens hundreds of connections;
        // on the node's small heap that alone exhausted memory.
        http.setHeaderCacheSize(0);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bindHost);
        connector.setPort(port);
        server.addConnector(connector);
        return server;
    }
}
