package org.tributary.node.cli;

import java.net.URI;
import java.util.concurrent.Callable;
import org.tributary.node.NodeAssembly;
import org.tributary.node.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates a node: its data directory, configuration file, database and instance actor with keys. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create a node's data directory, keys and config.")
final class InitCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Option(names = "--base-url", required = true, description = "URL peers reach this node at, e.g. http://127.0.0.1:8081")
    URI baseUrl;

    @Option(names = "--department", required = true, description = "Department name, e.g. finance.")
    String department;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bindHost;

    @Option(names = "--port", description = "Port to listen on (default: the base URL's port).")
    Integer port;

    @Override
    public Integer call() {
        int listenPort = port != null ? port : baseUrl.getPort() != -1 ? baseUrl.getPort() : 8080;
        ConfigLoader.write(data.dataDir, baseUrl, bindHost, listenPort, department);
        try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
            node.accounts().ensureInstanceActor();
        }
        System.out.println("initialised " + department + " node at " + baseUrl + " in " + data.dataDir.toAbsolutePath());
        return 0;
    }
}
