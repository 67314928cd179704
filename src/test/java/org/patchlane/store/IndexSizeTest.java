package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.SharedData;
import org.patchlane.mail.Address;
import org.patchlane.mail.BodyText;
import org.patchlane.mail.Mail;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Diff;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.Markers;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.SubjectTags;
import org.patchlane.patch.Symbols;

/**
 * Index bytes per message on a real kernel list year (lore's linux-watchdog 2019, in ../shared). The mail and patch
 * parsers are other packages' work, so a crude reading (headers by regex, body undecoded, +/- lines as the diff)
 * stands in: it indexes about as much text as the real parsers will.
 */
class IndexSizeTest {
    private static final Pattern HEADER = Pattern.compile("(?m)^([A-Za-z-]+):[ \\t]*(.*(?:\\n[ \\t].*)*)");
    private static final Pattern ADDRESS = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>");

    @TempDir
    Path data;

    @Test
    void measuresIndexBytesPerMessage() throws Exception {
        Path mbox = SharedData.require("corpus/lore-linux-watchdog/archive/linux-watchdog-2019.mboxrd.gz");
        List<byte[]> messages = split(mbox);
        long rawBytes = 0;
        long t0 = System.nanoTime();
        try (Archive a = Archive.open(data)) {
            for (byte[] raw : messages) {
                rawBytes += raw.length;
                a.add(crude(raw));
            }
            a.commit(Map.of("corpus", "2019"));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try (Searcher s = Searcher.open(data)) {
            Stats stats = s.stats();
            assertEquals(messages.size(), stats.messages());
            long perMessage = stats.indexBytes() / stats.messages();
            System.out.printf("index size: %d messages, raw %d B (%d B/msg), index %d B (%d B/msg, %.2f x raw), %d ms%n",
                    stats.messages(), rawBytes, rawBytes / stats.messages(), stats.indexBytes(), perMessage,
                    (double) stats.indexBytes() / rawBytes, ms);
            // Raw mail compresses well with BEST_COMPRESSION: the whole index, postings included, stays under it.
            assertTrue(stats.indexBytes() < rawBytes, stats.indexBytes() + " >= " + rawBytes);
        }
    }

    /** Splits mboxrd: every message starts with "From mboxrd@z", and ">From " lines lose one '>'. */
    private static List<byte[]> split(Path gz) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.ISO_8859_1))) {
            StringBuilder cur = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("From mboxrd@z ")) {
                    if (cur != null) out.add(cur.toString().getBytes(StandardCharsets.ISO_8859_1));
                    cur = new StringBuilder();
                    continue;
                }
                if (cur == null) continue;
                cur.append(line.matches(">+From .*") ? line.substring(1) : line).append('\n');
            }
            if (cur != null) out.add(cur.toString().getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static StoredMessage crude(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String subject = header(head, "Subject");
        String id = header(head, "Message-ID").replaceAll("[<>\\s]", "");
        StringBuilder own = new StringBuilder();
        StringBuilder quoted = new StringBuilder();
        StringBuilder pre = new StringBuilder();
        StringBuilder post = new StringBuilder();
        List<String> hunks = new ArrayList<>();
        List<FileDiff> files = new ArrayList<>();
        for (String line : body.split("\n")) {
            (line.startsWith(">") ? quoted : own).append(line).append('\n');
            if (line.startsWith("+++ b/")) files.add(new FileDiff(null, line.substring(6), FileDiff.ChangeKind.MODIFY, 0, 0, false));
            else if (line.startsWith("@@")) hunks.add(line.replaceFirst("^@@[^@]*@@ ?", ""));
            else if (line.startsWith("+") && !line.startsWith("+++")) post.append(line, 1, line.length()).append('\n');
            else if (line.startsWith("-") && !line.startsWith("---")) pre.append(line, 1, line.length()).append('\n');
        }
        boolean reply = subject.matches("(?i)^re:.*");
        MessageKind kind = reply ? MessageKind.REPLY : !files.isEmpty() ? MessageKind.PATCH : MessageKind.OTHER;
        Diff diff = files.isEmpty() ? null : new Diff(files, 0, 0, null, pre.toString(), post.toString(), hunks);
        Mail mail = new Mail(id, List.of(), List.of(), address(header(head, "From")), List.of(address(header(head, "To"))),
                List.of(), null, date(header(head, "Date")), subject,
                new BodyText(body, own.toString(), quoted.toString(), List.of()), java.util.Set.of(), List.of());
        Analysis analysis = new Analysis(new SubjectTags(reply, List.of(), 1, -1, -1, subject, kind == MessageKind.PATCH,
                false, false, false, List.of()), kind, List.of(), diff, null, Markers.NONE, List.of(), Symbols.NONE, List.of(), List.of());
        return new StoredMessage(raw, mail, analysis, "linux-watchdog", null, false);
    }

    private static String header(String head, String name) {
        Matcher m = HEADER.matcher(head);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) return m.group(2).replaceAll("\\n[ \\t]+", " ").strip();
        }
        return "";
    }

    private static Address address(String value) {
        Matcher m = ADDRESS.matcher(value);
        return m.find() ? new Address(m.group(1), m.group(2)) : new Address("", value);
    }

    private static Instant date(String value) {
        try {
            return ZonedDateTime.parse(value.replaceAll("\\s*\\(.*\\)$", ""), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
