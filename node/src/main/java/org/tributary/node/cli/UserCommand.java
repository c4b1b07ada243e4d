package org.tributary.node.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages employees' accounts. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage employee accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an employee account.")
    static final class Add implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "Username: lower-case letters, digits, underscores.")
        String username;

        @Option(names = "--password", description = "Password (default: a random one, printed once). "
                + "Prefer the TRIBUTARY_PASSWORD environment variable to keep it out of shell history.",
                defaultValue = "${env:TRIBUTARY_PASSWORD}")
        String password;

        @Option(names = "--display-name", description = "Name shown to colleagues.")
        String displayName;

        @Option(names = "--role", defaultValue = "employee", description = "employee, admin or auditor (default: ${DEFAULT-VALUE}).")
        String role;

        @Override
        public Integer call() {
            String secret = password;
            if (secret == null || secret.isBlank()) {
                byte[] random = new byte[12];
                new SecureRandom().nextBytes(random);
                secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            }
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                Account account = node.accounts().createEmployee(username, secret, displayName, Role.parse(role));
                System.out.println("created " + account.username() + " (" + account.uri() + ")");
                if (password == null || password.isBlank()) {
                    System.out.println("password: " + secret);
                }
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List employee accounts.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                node.accounts().listEmployees().forEach(account ->
                        System.out.println(account.username() + "\t" + account.role().name().toLowerCase() + "\t"
                                + account.uri()));
            }
            return 0;
        }
    }
}
