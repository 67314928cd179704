package org.patchlane.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlane.SharedData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.source.SourceTesting.drain;

/**
 * Message counts on the real mail of {@code ../shared/corpus} against independent counts (skipped when absent).
 * The independent count is a plain regex over the lines, not our splitter: envelope lines
 * {@code From <token> <weekday> <month> <day> <hh:mm:ss> <year>}, which every mbox in the corpus uses for every
 * message (checked by hand: no corpus mbox has a non-envelope separator or an envelope-shaped body line).
 */
class CorpusTest {
    private static final Pattern ENVELOPE =
            Pattern.compile("^From \\S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2} \\d{4}$");

    static Stream<String> mboxes() throws IOException {
        Path corpus = SharedData.root() == null ? null : SharedData.root().resolve("corpus");
        if (corpus == null || !Files.isDirectory(corpus)) {
            return Stream.of("absent");
        }
        List<String> files = new ArrayList<>(List.of("git-t5100/sample.mbox", "git-t5100/sample.mboxrd",
                "git-t5100/rfc2047-samples.mbox", "git-t5100/quoted-cr.mbox"));
        for (String dir : List.of("patchwork/series", "patchwork/mail", "b4")) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(corpus.resolve(dir), "*.mbox")) {
                s.forEach(p -> files.add(dir + "/" + p.getFileName()));
            }
        }
        files.sort(null);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("mboxes")
    void countsMatchAnIndependentCount(String relative) throws IOException {
        Path file = SharedData.require("corpus/" + relative);
        long envelopes = countLines(file, ENVELOPE);
        long expected = Math.max(envelopes, 1); // a file without envelope lines is one message
        List<RawMessage> messages = drain(Sources.open(file, k -> null));
        assertEquals(expected, messages.size(), relative);
        for (int i = 0; i < messages.size(); i++) {
            RawMessage m = messages.get(i);
            boolean cut = i == messages.size() - 1 && endsInsideHeaders(file);
            assertEquals(cut, m.truncated(), m.origin());
            assertTrue(m.bytes().length > 0, m.origin());
        }
    }

    /** True when no blank line follows the file's last "From " line (rfc2047-samples.mbox ends that way). */
    private static boolean endsInsideHeaders(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int last = Math.max(0, text.lastIndexOf("\nFrom "));
        return !text.substring(last).contains("\n\n");
    }

    @Test
    void gitMboxrdExpectationsMatch() throws IOException {
        Path dir = SharedData.require("corpus/git-t5100");
        List<RawMessage> messages = drain(MboxSource.open(dir.resolve("sample.mboxrd"), null));
        // git's t5100 splits sample.mboxrd into two mails whose bodies are 0001mboxrd and 0002mboxrd.
        for (int i = 0; i < 2; i++) {
            String text = new String(messages.get(i).bytes(), StandardCharsets.ISO_8859_1);
            String body = text.substring(text.indexOf("\n\n") + 2);
            assertEquals(Files.readString(dir.resolve("000" + (i + 1) + "mboxrd"), StandardCharsets.ISO_8859_1),
                    body + "\n", "message " + i);
        }
    }

    @Test
    void gitBodyOutputsAreNotMailFiles() throws IOException {
        Path dir = SharedData.require("corpus/git-t5100");
        for (String name : List.of("0001mboxrd", "0002mboxrd")) {
            assertEquals(SourceException.Reason.NOT_MAIL,
                    assertThrows(SourceException.class, () -> Sources.open(dir.resolve(name), k -> null)).reason());
            assertEquals(1, drain(MboxSource.open(dir.resolve(name), null)).size(), "forced as mbox: " + name);
        }
        assertEquals(List.of(), drain(Sources.open(dir.resolve("empty"), k -> null)));
    }

    @Test
    void loreArchiveHasEveryMessage() throws IOException {
        Path archive = SharedData.require("corpus/lore-linux-watchdog/archive");
        Pattern lore = Pattern.compile("^From mboxrd@z ");
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive, "*.mboxrd.gz")) {
            for (Path gz : files) {
                List<RawMessage> messages = drain(Sources.open(gz, k -> null));
                assertEquals(countLines(gz, lore), messages.size(), gz.toString());
                messages.forEach(m -> assertFalse(m.truncated(), m.origin()));
                total += messages.size();
            }
        }
        assertEquals(16_365, total);
    }

    @Test
    void notmuchMaildirTreeYieldsEveryFile() throws IOException {
        Path tree = SharedData.require("corpus/notmuch/default");
        long files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !tree.relativize(p).toString().matches("(.*/)?tmp/.*"))
                    .count();
        }
        List<RawMessage> messages = drain(Sources.open(tree, k -> null));
        assertEquals(files, messages.size());
        messages.forEach(m -> assertNotNull(m.after()));
    }

    private static long countLines(Path file, Pattern p) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = Sources.isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            return r.lines().filter(l -> p.matcher(l).find()).count();
        }
    }
}
