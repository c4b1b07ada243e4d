package org.tributary.node.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The node's HTTP server: Jetty with one Jersey application holding every resource, behind a front handler
 * that may answer some requests itself (the inboxes) and passes the others on.
 */
public final class NodeServer implements AutoCloseable {
    /**
     * Jersey warns at start-up for every resource registered as an instance (which is how the composition
     * root injects dependencies without a container); the warning is about provider contracts that
     * resources do not have. Held in a field because java.util.logging keeps loggers weakly.
     */
    private final Logger jerseyProviderChecks = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private final Logger shutdownLog = Logger.getLogger(NodeServer.class.getName());
    private final Server server;
    private final ServerConnector connector;

    /**
     * @param front a handler that answers the requests it serves and passes the rest to the handler it is
     *              given to wrap, the Jersey application (a plain {@link Handler.Wrapper} passes everything)
     */
    public NodeServer(String bindHost, int port, Handler.Wrapper front, ResourceConfig application) {
        jerseyProviderChecks.setLevel(Level.SEVERE);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        this.server = JettyServers.create(bindHost, port, "tributary-http");
        this.connector = (ServerConnector) server.getConnectors()[0];
        front.setHandler(readLimit(ContainerFactory.createContainer(JettyHttpContainer.class, application)));
        server.setHandler(front);
        server.setStopTimeout(2000);
    }

    /** Client API reads running at once, per core (see {@link #readLimit}). */
    private static final int READS_PER_CORE = 8;

    /**
     * Client API reads (GET under {@code /api/}, streams excepted) run at most {@value #READS_PER_CORE} at a
     * time per core; the others wait, without a thread, in arrival order. More reads at once only share the
     * same cores and heap: under a burst of timeline requests on two cores (benchmark 4) every page then
     * took seconds and the node did not catch up, where with the limit it did within seconds. The limit is
     * generous because a read that waits on a peer (a remote account lookup) holds its place meanwhile.
     * Writes and the inbox are not limited: they mostly wait for the store's group commit, and limiting
     * them would make its batches smaller.
     */
    private static Handler readLimit(Handler application) {
        QoSHandler limit = new QoSHandler(application);
        limit.setMaxRequestCount(READS_PER_CORE * Runtime.getRuntime().availableProcessors());
        limit.setMaxSuspend(Duration.ofSeconds(30));
        limit.includeMethod("GET");
        limit.includePath("/api/*");
        limit.excludePath("/api/v1/streaming/*");
        return limit;
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP server: " + e.getMessage(), e);
        }
    }

    /** The port actually bound (useful when configured with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting requests and waits up to the stop timeout for those in flight. A request still running
     * after that is cut off: that is safe, because nothing is acknowledged before it is stored, and the peer
     * will retry what it did not see acknowledged.
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            if (e instanceof TimeoutException || e.getCause() instanceof TimeoutException) {
                shutdownLog.info("HTTP server stopped after cutting off requests still running at the stop timeout");
                return;
            }
            throw new IllegalStateException("cannot stop the HTTP server", e);
        }
    }
}
