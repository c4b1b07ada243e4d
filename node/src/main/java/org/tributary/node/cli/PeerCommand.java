package org.tributary.node.cli;

import java.util.concurrent.Callable;
import org.tributary.node.NodeAssembly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages the allowlist of peer nodes: the only hosts this node talks to. */
@Command(name = "peer", mixinStandardHelpOptions = true, description = "Manage the allowlist of peer nodes.",
        subcommands = {PeerCommand.Add.class, PeerCommand.Remove.class, PeerCommand.ListPeers.class})
final class PeerCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Allow a peer node (host:port or URL).")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "The peer, e.g. sales.example.com or 127.0.0.1:8083.")
        String peer;

        @Option(names = "--note", defaultValue = "", description = "Why this peer is allowed.")
        String note;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                System.out.println("allowed " + node.peers().add(peer, note));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a peer node from the allowlist.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "The peer to remove.")
        String peer;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                boolean removed = node.peers().remove(peer);
                System.out.println(removed ? "removed " + peer : peer + " was not on the allowlist");
                return removed ? 0 : 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List allowed peer nodes.")
    static final class ListPeers implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                node.peers().list().forEach(peer -> System.out.println(peer.authority() + "\t" + peer.addedAt()
                        + (peer.note().isEmpty() ? "" : "\t" + peer.note())));
            }
            return 0;
        }
    }
}
