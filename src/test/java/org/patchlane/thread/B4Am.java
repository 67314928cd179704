package org.patchlane.thread;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.Required;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailParser;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;


/**
 * Runs Debian's {@code b4 am} offline on a local thread mbox and reads back the trailers it writes into each patch's
 * commit message. b4 runs with a throw-away HOME (git identity, b4 config: attestation off so no DKIM/DNS look-ups),
 * no cache, dead HTTP proxies (the loopback exempt, for a test's own server), in a temp directory that is not a git
 * repository: it never touches the outside network or the
 * user's configuration.
 */
public final class B4Am {
    /** One patch as {@code b4 am} writes it. */
    public record Patch(String messageId, String subject, List<String> trailers) {
    }

    /** What one run produced: the patches in order, and b4's stderr (its notes on ignored trailers). */
    public record Result(List<Patch> patches, String log) {
    }

    /** {@code Kind-by: value} in a commit message, as b4 writes it. */
    private static final Pattern BY = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9-]*-by):\\s*(.*?)\\s*$");

    private final Path home;

    private B4Am(Path home) {
        this.home = home;
    }

    /** The b4 release the expected differences were recorded with (Debian 12's package). */
    static final String RECORDED_WITH = "0.12.";

    /**
     * Skips (under CI fails) the calling test when b4 is not on PATH, or is another release than the differences were recorded with:
     * b4's own fixes between releases (its htmljunk handling, RESEND postings) would show as false failures.
     */
    public static void assumeAvailable() {
        String version = "";
        boolean ok;
        try {
            Process p = new ProcessBuilder("b4", "--version").redirectErrorStream(true).start();
            version = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        Required.that(ok, "b4 is not on PATH (apt-get install b4)");
        Required.that(version.startsWith(RECORDED_WITH), "b4 " + version + " is not the " + RECORDED_WITH
                + "x release the expected differences were recorded with");
    }

    /** A runner whose HOME, cache and work directory live under {@code tmp}. */
    static B4Am in(Path tmp) throws IOException {
        return in(tmp, Map.of());
    }

    /**
     * A runner whose git config also sets these {@code b4.*} keys: {@code midmask} and {@code searchmask} point
     * b4 at a server on this machine (the loopback is then exempt from the dead proxies).
     */
    public static B4Am in(Path tmp, Map<String, String> b4Config) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("b4-home"));
        StringBuilder extra = new StringBuilder();
        b4Config.forEach((k, v) -> extra.append('\t').append(k).append(" = ").append(v).append('\n'));
        Files.writeString(home.resolve(".gitconfig"), """
                [user]
                \tname = Patchlane Test
                \temail = patchlane-test@example.invalid
                [b4]
                \tattestation-policy = off
                \tattestation-check-dkim = no
                """ + extra);
        return new B4Am(home);
    }

    /**
     * {@code b4 am -t -C -o - -m MBOX}: latest version, cover-letter trailers applied to every patch (b4 0.12
     * needs {@code -t} for that), no {@code -l} (no Link:), no {@code -s} (no own Signed-off-by).
     */
    public Result am(Path mbox) throws IOException, InterruptedException {
        return run(List.of("-m", mbox.toAbsolutePath().toString()));
    }

    /**
     * {@code b4 am -t -C -o - ARGS...} where b4 may fetch from the server its {@code midmask}/{@code searchmask}
     * name: a Message-ID to fetch the thread of, {@code -c} to look for newer versions through the search.
     */
    public Result amFromServer(String... args) throws IOException, InterruptedException {
        return run(List.of(args));
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "am-", ".mbox");
        Path err = Files.createTempFile(home, "am-", ".log");
        List<String> command = new ArrayList<>(List.of("b4", "am", "-t", "-C", "-o", "-"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CEILING_DIRECTORIES", home.getParent().toString());
        for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
            env.put(proxy, "http://127.0.0.1:9");
        }
        // Only a server of the test's own, on the loopback, is reachable.
        env.put("no_proxy", "127.0.0.1,localhost");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        Process p = pb.start();
        p.getOutputStream().close(); // b4 reads a message from a non-tty stdin: give it EOF
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("b4 am timed out: " + command);
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        List<Patch> patches = new ArrayList<>();
        if (Files.size(out) > 0) {
            try (MailSource source = Sources.open(out, k -> null)) {
                for (RawMessage m; (m = source.next()) != null; ) {
                    Mail mail = MailParser.parse(m.bytes(), m.envelopeDate(), m.truncated());
                    patches.add(new Patch(mail.messageId(), mail.subject(), byTrailers(mail.body().text())));
                }
            }
        }
        return new Result(patches, log);
    }

    /** The {@code *-by} trailers of a commit message (the text before the first {@code ---} line), in order. */
    public static List<String> byTrailers(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.equals("---") || line.startsWith("diff --git ")) break;
            Matcher m = BY.matcher(line);
            if (m.matches()) out.add(m.group(1) + ": " + m.group(2));
        }
        return out;
    }
}
