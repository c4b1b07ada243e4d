package org.tributary.node.http;

import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The node's HTTP server: Jetty with one Jersey application holding every resource. */
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

    public NodeServer(String bindHost, int port, ResourceConfig application) {
        jerseyProviderChecks.setLevel(Level.SEVERE);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("tributary-http");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(bindHost);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(ContainerFactory.createContainer(JettyHttpContainer.class, application));
        server.setStopTimeout(2000);
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
