package org.tributary.node.cli;

import java.util.concurrent.Callable;
import org.tributary.node.NodeAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the node until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the node's HTTP server and workers.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws InterruptedException {
        NodeAssembly node = NodeCommands.open(data.dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "tributary-shutdown"));
        node.start();
        System.out.println("serving " + node.config().department() + " at " + node.config().baseUrl());
        node.join();
        return 0;
    }
}
