package org.tributary.node.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.tributary.node.NodeAssembly;
import org.tributary.node.account.Account;
import org.tributary.node.account.Role;
import org.tributary.node.admin.AccountAdministration;
import org.tributary.node.admin.AdminAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Manages employees' accounts. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage employee accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Suspend.class,
                UserCommand.Unsuspend.class, UserCommand.ResetPassword.class, UserCommand.SetRole.class})
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
                Account account = node.accountAdministration().create(AdminAction.CLI, username, secret, displayName,
                        Role.parse(role)).account();
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
                                + account.uri() + (account.suspended() ? "\tsuspended" : "")));
            }
            return 0;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspend an account: no login, tokens revoked, actor gone for peers.")
    static final class Suspend implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "Username.")
        String username;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                AccountAdministration admin = node.accountAdministration();
                admin.suspend(AdminAction.CLI, admin.byUsername(username).id());
                System.out.println("suspended " + username);
            }
            return 0;
        }
    }

    @Command(name = "unsuspend", mixinStandardHelpOptions = true, description = "Restore a suspended account.")
    static final class Unsuspend implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "Username.")
        String username;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                AccountAdministration admin = node.accountAdministration();
                admin.unsuspend(AdminAction.CLI, admin.byUsername(username).id());
                System.out.println("unsuspended " + username);
            }
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new random password (printed once) and revoke the account's tokens.")
    static final class ResetPassword implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "Username.")
        String username;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                AccountAdministration admin = node.accountAdministration();
                String password = admin.resetPassword(AdminAction.CLI, admin.byUsername(username).id());
                System.out.println("password: " + password);
            }
            return 0;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true, description = "Change an account's role.")
    static final class SetRole implements Callable<Integer> {
        @Mixin
        DataDirOption data;

        @Parameters(index = "0", description = "Username.")
        String username;

        @Parameters(index = "1", description = "employee, admin or auditor.")
        String role;

        @Override
        public Integer call() {
            try (NodeAssembly node = NodeCommands.open(data.dataDir)) {
                AccountAdministration admin = node.accountAdministration();
                Account account = admin.setRole(AdminAction.CLI, admin.byUsername(username).id(), Role.parse(role));
                System.out.println(username + " is now " + account.role().name().toLowerCase());
            }
            return 0;
        }
    }
}
