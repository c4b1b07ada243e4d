package org.tributary.node.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option every command shares. */
final class DataDirOption {
    @Option(names = {"-d", "--data"}, description = "Node data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:TRIBUTARY_DATA:-./tributary-data}")
    Path dataDir;
}
