package org.patchlane.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.patchlane.git.ConfigEdit;
import org.patchlane.git.ConfigFile;
import org.patchlane.report.Json;
import org.patchlane.web.Passwords;
import org.patchlane.web.User;
import org.patchlane.web.Users;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patchlane user add|list|remove}: the maintainers who may log in to the web UI, kept as
 * {@code [user "NAME"]} sections (email, bcrypt passwordHash) of the configuration file.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = {"Manage the maintainers who may log in to the web UI ('serve'): [user \"NAME\"] sections "
                + "of the configuration file with an email and a bcrypt password hash. A running server reads them "
                + "when it starts."},
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class},
        footer = {"%nExamples:", "  patchlane user add alice --email alice@example.org",
                "  patchlane user add alice --email alice@example.org --password-file pw --replace",
                "  patchlane user list --json", "  patchlane user remove alice"})
final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What {@code user add} and {@code user remove} print with {@code --json}. */
    record Change(String name, String email, String config, String action) {
    }

    /** What {@code user list --json} prints. */
    record Listing(String config, List<User> users) {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add a maintainer: writes [user \"NAME\"] with the email and a bcrypt hash of the password "
                    + "to the configuration file (other content is kept; a new file is readable by its owner only).",
                    "The password comes from --password-file (its first line), else the terminal (asked twice, not "
                            + "shown), else the first line of standard input; never from the command line."},
            footer = {"%nExamples:", "  patchlane user add alice --email alice@example.org",
                    "  printf '%%s\\n' \"$PW\" | patchlane user add alice --email alice@example.org --replace",
                    "  patchlane user add bob --email bob@example.org --password-file ~/.config/patchlane/bob-pw"})
    static final class Add implements Callable<Integer> {
        @Mixin
        DataOptions options;
        @Mixin
        ConfigOptions config;
        @Parameters(index = "0", paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '-'.")
        String name;
        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The maintainer's email.")
        String email;
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
        Path passwordFile;
        @Option(names = "--replace", description = "Replace the user's email and password if NAME exists.")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            if (!Users.NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("user name '" + name + "': use letters, digits, '.', '_' and '-'");
            }
            if (!email.matches("[^\\s@<>]+@[^\\s@<>]+")) throw new IllegalArgumentException("--email: '" + email + "' is not an email address");
            Path file = config.target(options.data);
            ConfigEdit edit = ConfigEdit.open(file);
            boolean exists = edit.has(Users.SECTION, name);
            if (exists && !replace) {
                throw new IllegalArgumentException("user " + name + " exists in " + file + " (pass --replace to change it)");
            }
            String hash = Passwords.hash(password());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("email", email);
            values.put("passwordHash", hash);
            edit.set(Users.SECTION, name, values);
            edit.save();
            String action = exists ? "replaced" : "added";
            if (options.json) System.out.println(Json.write(new Change(name, email, file.toString(), action)));
            else System.out.printf("%s user %s <%s> in %s (restart 'serve' to use it)%n",
                    exists ? "Replaced" : "Added", name, email, file);
            return ExitCode.OK;
        }

        private String password() throws IOException {
            if (passwordFile != null) return firstLine(Files.readString(passwordFile, StandardCharsets.UTF_8), "--password-file " + passwordFile);
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for %s: ", name);
                char[] again = console.readPassword("Again: ");
                try {
                    if (first == null || again == null || !Arrays.equals(first, again)) {
                        throw new IllegalArgumentException("the two passwords differ");
                    }
                    return new String(first);
                } finally {
                    if (first != null) Arrays.fill(first, ' ');
                    if (again != null) Arrays.fill(again, ' ');
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            return firstLine(line == null ? "" : line, "standard input");
        }

        private static String firstLine(String text, String where) {
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.isEmpty()) throw new IllegalArgumentException("no password in " + where);
            return line;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the maintainers who may log in: name and email (never the hash).",
            footer = {"%nExample:", "  patchlane user list --json"})
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DataOptions options;
        @Mixin
        ConfigOptions config;

        @Override
        public Integer call() throws Exception {
            ConfigFile conf = config.load(options.data);
            List<User> users = Users.of(conf).all();
            String file = conf.path() == null ? null : conf.path().toString();
            if (options.json) {
                System.out.println(Json.write(new Listing(file, users)));
            } else if (users.isEmpty()) {
                System.out.println("No users: add one with 'patchlane user add NAME --email EMAIL'.");
            } else {
                for (User u : users) System.out.printf("%s  <%s>%n", u.name(), u.email());
            }
            return users.isEmpty() ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a maintainer's [user \"NAME\"] section; a running server forgets them when it restarts.",
            footer = {"%nExample:", "  patchlane user remove alice"})
    static final class Remove implements Callable<Integer> {
        @Mixin
        DataOptions options;
        @Mixin
        ConfigOptions config;
        @Parameters(index = "0", paramLabel = "NAME", description = "The user to remove.")
        String name;

        @Override
        public Integer call() throws Exception {
            Path file = config.target(options.data);
            if (!Files.isRegularFile(file)) {
                System.err.println("patchlane: no user " + name + " (no configuration file " + file + ")");
                return ExitCode.NOT_FOUND;
            }
            ConfigEdit edit = ConfigEdit.open(file);
            if (!edit.has(Users.SECTION, name)) {
                System.err.println("patchlane: no user " + name + " in " + file);
                return ExitCode.NOT_FOUND;
            }
            edit.remove(Users.SECTION, name);
            edit.save();
            if (options.json) System.out.println(Json.write(new Change(name, null, file.toString(), "removed")));
            else System.out.printf("Removed user %s from %s%n", name, file);
            return ExitCode.OK;
        }
    }
}
