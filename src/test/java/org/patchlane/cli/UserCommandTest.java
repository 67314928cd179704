package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.git.ConfigFile;
import org.patchlane.web.User;
import org.patchlane.web.Users;

/** {@code patchlane user add|list|remove}: bcrypt hashes in the configuration, the password never on the command line. */
class UserCommandTest {
    static final String PASSWORD = "s3cret pass phrase";

    /** Runs the CLI with {@code stdin} as standard input. */
    static CliRun withInput(String stdin, String... args) {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void addWithAPasswordFileWritesABcryptHashThatVerifies(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\nsecond line is ignored\n");
        Path conf = dir.resolve("patchlane.conf");
        CliRun r = CliRun.of("user", "add", "alice", "--email", "alice@example.org", "--password-file", pw.toString(),
                "--config", conf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Added user alice <alice@example.org> in " + conf), r.out());
        String text = Files.readString(conf);
        assertFalse(text.contains(PASSWORD), text);
        assertFalse(text.contains("s3cret"), text);
        assertTrue(text.matches("(?s)\\[user \"alice\"]\\s+email = alice@example.org\\s+passwordHash = \\$2a\\$11\\$\\S{53}\\s*"), text);
        Users users = Users.of(ConfigFile.read(conf));
        assertEquals(new User("alice", "alice@example.org"), users.verify("alice", PASSWORD).orElseThrow());
        assertTrue(users.verify("alice", "second line is ignored").isEmpty());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)));
    }

    @Test
    void addReadsStandardInputWhenNotATerminal(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("patchlane.conf");
        CliRun r = withInput(PASSWORD + "\r\n", "user", "add", "bob", "--email", "bob@example.org", "--config",
                conf.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("bob", json.get("name").asText());
        assertEquals("added", json.get("action").asText());
        assertFalse(Files.readString(conf).contains(PASSWORD));
        assertTrue(Users.of(ConfigFile.read(conf)).verify("bob", PASSWORD).isPresent(), "the CR is no part of it");
    }

    @Test
    void addKeepsTheRestOfTheFileAndRefusesAnExistingNameUnlessReplace(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("patchlane.conf");
        String before = """
                ; sources first
                [source "watchdog"]
                	url = imap://me@127.0.0.1:3143/INBOX ; the test server
                [maintainers]
                	file = MAINTAINERS
                """;
        Files.writeString(conf, before);
        assertEquals(0, withInput(PASSWORD, "user", "add", "carol", "--email", "c@example.org", "--config",
                conf.toString()).code());
        String after = Files.readString(conf);
        assertTrue(after.startsWith(before), after);
        ConfigFile read = ConfigFile.read(conf);
        assertEquals("imap://me@127.0.0.1:3143/INBOX", read.string("source", "watchdog", "url"));

        CliRun again = withInput("another password", "user", "add", "carol", "--email", "c2@example.org",
                "--config", conf.toString());
        assertEquals(2, again.code());
        assertEquals("patchlane: user carol exists in " + conf + " (pass --replace to change it)\n", again.err());
        assertEquals(after, Files.readString(conf));

        assertEquals(0, withInput("another password", "user", "add", "carol", "--email", "c2@example.org",
                "--config", conf.toString(), "--replace").code());
        Users users = Users.of(ConfigFile.read(conf));
        assertEquals("c2@example.org", users.all().get(0).email());
        assertTrue(users.verify("carol", "another password").isPresent());
        assertTrue(users.verify("carol", PASSWORD).isEmpty());
        assertEquals(1, Files.readString(conf).split("\\[user ", -1).length - 1, "one section, replaced");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--password", "--password=x", "-p"})
    void thereIsNoPasswordOption(String option) {
        CliRun r = CliRun.of("user", "add", "alice", "--email", "a@example.org", option, "hunter22hunter22");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void badInputIsAUsageErrorWithoutStackTrace(@TempDir Path dir) {
        String conf = dir.resolve("c.conf").toString();
        CliRun shortPw = withInput("short", "user", "add", "alice", "--email", "a@example.org", "--config", conf);
        assertEquals(2, shortPw.code());
        assertEquals("patchlane: the password needs at least 8 characters\n", shortPw.err());
        CliRun none = withInput("", "user", "add", "alice", "--email", "a@example.org", "--config", conf);
        assertEquals("patchlane: no password in standard input\n", none.err());
        CliRun name = withInput(PASSWORD, "user", "add", "a b", "--email", "a@example.org", "--config", conf);
        assertEquals(2, name.code());
        CliRun email = withInput(PASSWORD, "user", "add", "alice", "--email", "alice", "--config", conf);
        assertEquals("patchlane: --email: 'alice' is not an email address\n", email.err());
        CliRun tooLong = withInput("x".repeat(73), "user", "add", "alice", "--email", "a@example.org", "--config", conf);
        assertEquals("patchlane: the password is longer than bcrypt's 72 bytes\n", tooLong.err());
        assertFalse(Files.exists(dir.resolve("c.conf")), "nothing written");
        CliRun missing = CliRun.of("user", "add", "alice", "--email", "a@example.org", "--config", conf,
                "--password-file", dir.resolve("nope").toString());
        assertEquals(3, missing.code(), missing.err());
    }

    @Test
    void listAndRemove(@TempDir Path dir) throws Exception {
        String conf = dir.resolve("patchlane.conf").toString();
        CliRun empty = CliRun.of("user", "list", "--config", dir.resolve("none").toString());
        assertEquals(2, empty.code(), "a --config that does not exist");
        assertEquals(0, withInput(PASSWORD, "user", "add", "zed", "--email", "zed@example.org", "--config", conf).code());
        assertEquals(0, withInput(PASSWORD, "user", "add", "amy", "--email", "amy@example.org", "--config", conf).code());

        CliRun list = CliRun.of("user", "list", "--config", conf);
        assertEquals(0, list.code());
        assertEquals("amy  <amy@example.org>\nzed  <zed@example.org>\n", list.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("user", "list", "--config", conf, "--json").out());
        assertEquals(new ObjectMapper().readTree("""
                {"config": "%s", "users": [{"name": "amy", "email": "amy@example.org"},
                                           {"name": "zed", "email": "zed@example.org"}]}
                """.formatted(conf)), json);
        assertFalse(json.toString().contains("$2a$"), "never the hash");

        assertEquals(0, CliRun.of("user", "remove", "zed", "--config", conf).code());
        assertEquals("amy  <amy@example.org>\n", CliRun.of("user", "list", "--config", conf).out());
        CliRun gone = CliRun.of("user", "remove", "zed", "--config", conf);
        assertEquals(1, gone.code());
        assertEquals("patchlane: no user zed in " + conf + "\n", gone.err());
        assertEquals(0, CliRun.of("user", "remove", "amy", "--config", conf, "--json").code());
        assertEquals(1, CliRun.of("user", "list", "--config", conf).code(), "no users left");
    }

    /** The fields of docs/json.md's user sections are those the commands print. */
    @Test
    void jsonIsAsDocumented(@TempDir Path dir) throws Exception {
        var documented = JsonDocTest.sections(Files.readString(Path.of("docs/json.md"), StandardCharsets.UTF_8));
        String conf = dir.resolve("patchlane.conf").toString();
        ObjectMapper json = new ObjectMapper();
        var outputs = new java.util.LinkedHashMap<String, JsonNode>();
        outputs.put("user add --json", json.readTree(withInput(PASSWORD, "user", "add", "amy", "--email",
                "amy@example.org", "--config", conf, "--json").out()));
        outputs.put("user list --json", json.readTree(CliRun.of("user", "list", "--config", conf, "--json").out()));
        outputs.put("user remove --json", json.readTree(CliRun.of("user", "remove", "amy", "--config", conf,
                "--json").out()));
        outputs.forEach((section, out) -> {
            java.util.Set<String> real = new java.util.TreeSet<>();
            JsonDocTest.fields(out, "", java.util.Set.of(), real);
            assertEquals(new java.util.TreeSet<>(documented.get(section)), real, section);
        });
    }

    @Test
    void withoutConfigTheDataDirectoryHoldsTheFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, withInput(PASSWORD, "user", "add", "alice", "--email", "a@example.org", "--data",
                data.toString()).code());
        assertTrue(Files.isRegularFile(data.resolve("patchlane.conf")));
        assertEquals("alice  <a@example.org>\n", CliRun.of("user", "list", "--data", data.toString()).out());
    }
}
