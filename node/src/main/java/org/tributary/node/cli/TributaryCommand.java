package org.tributary.node.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command: one executable jar for running and administering a node. */
@Command(name = "tributary", mixinStandardHelpOptions = true, version = "tributary 0.1.0",
        description = "A department node of the Tributary network.",
        subcommands = {InitCommand.class, ServeCommand.class, UserCommand.class, PeerCommand.class, AuditCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class})
public final class TributaryCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    public static void main(String[] args) throws Exception {
        Optional<List<String>> relaunch = JvmRelaunch.command(args,
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(),
                Path.of(System.getProperty("java.home")), System.getProperty("java.class.path"),
                TargetJvm.current());
        if (relaunch.isPresent()) {
            System.exit(JvmRelaunch.run(relaunch.get()));
        }
        int exit = new CommandLine(new TributaryCommand())
                .setExecutionExceptionHandler(new CliErrors())
                .execute(args);
        if (exit != 0 || !JvmOptions.isLongRunning(args)) {
            System.exit(exit);
        }
    }
}
