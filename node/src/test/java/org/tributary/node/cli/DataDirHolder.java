package org.tributary.node.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tributary.node.NodeAssembly;

/**
 * Run in a separate JVM by {@link CliTest}: opens a node's data directory as a running
 * {@code tributary serve} would, says "ready", and holds it until its standard input closes.
 */
public final class DataDirHolder {
    private DataDirHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (NodeAssembly node = NodeCommands.open(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() != -1) {
                // hold the store open until the test closes our input
            }
        }
    }
}
