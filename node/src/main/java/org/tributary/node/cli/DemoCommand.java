package org.tributary.node.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Role;
import org.tributary.node.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a demo network of three department nodes on loopback, each with its own Derby store and
 * demo employees, all allowlisting each other; prints each node's URL and the logins.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a demo network: finance, engineering and sales nodes on loopback.")
final class DemoCommand implements Callable<Integer> {
    static final String DEMO_PASSWORD = "tributary-demo";

    /** A demo department and its employees. */
    record Department(String name, List<String> employees) {
    }

    static final List<Department> DEPARTMENTS = List.of(
            new Department("finance", List.of("alice", "frank")),
            new Department("engineering", List.of("erin", "eddie")),
            new Department("sales", List.of("bob", "sasha")));

    @Option(names = "--data", defaultValue = "./demo-data", description = "Where the demo nodes keep their data (default: ${DEFAULT-VALUE}).")
    Path dataRoot;

    @Option(names = "--base-port", defaultValue = "8081", description = "Port of the first node; the others follow (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(names = "--fresh", description = "Delete earlier demo data first.")
    boolean fresh;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (fresh) {
            deleteRecursively(dataRoot);
        }
        List<NodeAssembly> nodes = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> nodes.forEach(NodeAssembly::close), "demo-shutdown"));
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            nodes.add(prepare(DEPARTMENTS.get(i), basePort + i));
        }
        for (NodeAssembly node : nodes) {
            node.start();
        }
        printSummary(nodes);
        nodes.get(0).join();
        return 0;
    }

    private NodeAssembly prepare(Department department, int port) {
        Path dataDir = dataRoot.resolve(department.name());
        if (!Files.exists(dataDir.resolve("tributary.properties"))) {
            ConfigLoader.write(dataDir, URI.create("http://127.0.0.1:" + port), "127.0.0.1", port, department.name());
        }
        NodeAssembly node = NodeCommands.open(dataDir);
        for (String username : department.employees()) {
            if (node.accounts().findLocal(username).isEmpty()) {
                String displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1) + " ("
                        + department.name() + ")";
                node.accounts().createEmployee(username, DEMO_PASSWORD, displayName, Role.EMPLOYEE);
            }
        }
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            if (basePort + i != port) {
                node.peers().add("127.0.0.1:" + (basePort + i), "demo peer " + DEPARTMENTS.get(i).name());
            }
        }
        return node;
    }

    private static void printSummary(List<NodeAssembly> nodes) {
        System.out.println();
        System.out.println("Tributary demo network is running (Ctrl-C to stop).");
        for (int i = 0; i < nodes.size(); i++) {
            NodeAssembly node = nodes.get(i);
            System.out.printf("  %-12s %s   logins: %s%n", DEPARTMENTS.get(i).name(), node.config().baseUrl(),
                    String.join(", ", DEPARTMENTS.get(i).employees()));
        }
        System.out.println("  password for every demo login: " + DEMO_PASSWORD);
        System.out.println("  try: curl -s -X POST " + nodes.get(0).config().baseUrl()
                + "/oauth/token -d grant_type=password -d username=alice -d password=" + DEMO_PASSWORD);
        System.out.println();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
