package org.patchlane.mail;

import org.junit.jupiter.api.Test;
import org.patchlane.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real list mail from ../shared/corpus (skipped when absent): every message parses; git's expectations hold. */
class MailCorpusTest {

    @Test
    void everySingleMessageParses() throws IOException {
        Path corpus = SharedData.require("corpus");
        List<Path> files = new ArrayList<>();
        files.addAll(list(corpus.resolve("git-t5100"), p -> p.toString().endsWith(".in")));
        files.addAll(list(corpus.resolve("public-inbox"), p -> p.toString().endsWith(".eml")));
        files.addAll(list(corpus.resolve("lore-linux-watchdog/samples/odd"), p -> p.toString().endsWith(".eml")));
        files.addAll(list(corpus.resolve("notmuch"), p -> {
            String dir = p.getParent().getFileName().toString();
            return dir.equals("cur") || dir.equals("new");
        }));
        assertTrue(files.size() > 300, "corpus has " + files.size() + " messages");
        int flagged = 0;
        for (Path f : files) {
            byte[] raw = Files.readAllBytes(f);
            Mail m = MailParser.parse(raw, null, false);
            assertFalse(m.messageId().isBlank(), f.toString());
            assertFalse(m.has(MailFlag.PARSE_ERROR), f + ": " + m.problems());
            boolean hasId = Pattern.HEADER_ID.matcher(new String(raw, StandardCharsets.ISO_8859_1)).find();
            assertEquals(hasId, !m.has(MailFlag.NO_MESSAGE_ID), f + ": " + m.messageId());
            if (!m.flags().isEmpty()) flagged++;
        }
        System.out.println("corpus: " + files.size() + " messages parsed, " + flagged + " flagged");
    }

    /**
     * git's rfc2047-info-NNNN are the decoded Author, Email and Subject (after mailinfo's "Re:" clean-up) of the
     * NNNN-th rfc2047-samples.mbox mail. One difference is deliberate: for {@code Name <a@b> (comment)} git's
     * Author is "Name (comment)", ours is "Name".
     */
    @Test
    void rfc2047SamplesDecodeAsGitDoes() throws IOException {
        Path dir = SharedData.require("corpus/git-t5100");
        List<byte[]> mails = splitMbox(Files.readAllBytes(dir.resolve("rfc2047-samples.mbox")));
        int compared = 0;
        for (int i = 0; i < mails.size(); i++) {
            Path info = dir.resolve(String.format("rfc2047-info-%04d", i + 1));
            if (!Files.exists(info)) continue;
            Mail m = MailParser.parse(mails.get(i), null, false);
            for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                if (line.startsWith("Author: ")) {
                    // git appends a comment after the address to the name; the name alone is our identity
                    assertEquals(line.substring(8).replaceFirst(" \\(.*\\)$", ""), m.from().name(), info.toString());
                }
                if (line.startsWith("Email: ")) assertEquals(line.substring(7), m.from().email(), info.toString());
                if (line.startsWith("Subject: ")) assertEquals(line.substring(9), gitClean(m.subject()), info.toString());
            }
            compared++;
        }
        assertEquals(11, compared);
    }

    /**
     * git's info0001.. are the Subjects of sample.mbox's messages in order, after git mailinfo's clean-up (leading
     * "Re:" and bracketed tags dropped). Messages whose body starts with in-body headers or a "[PATCH] title" line
     * are skipped: git takes the Subject from the body there, which is {@code patch}'s business, not the parser's.
     */
    @Test
    void sampleMboxSubjectsMatchGit() throws IOException {
        Path dir = SharedData.require("corpus/git-t5100");
        List<byte[]> mails = splitMbox(Files.readAllBytes(dir.resolve("sample.mbox")));
        int compared = 0;
        for (int i = 0; i < mails.size(); i++) {
            Path info = dir.resolve(String.format("info%04d", i + 1));
            Mail m = MailParser.parse(mails.get(i), null, false);
            if (!Files.exists(info) || m.body().text().matches("(?s)\\s*(From:|Subject:|Date:|\\[PATCH).*")) continue;
            String expected = Files.readAllLines(info, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("Subject: ")).map(l -> l.substring(9)).findFirst().orElse("");
            assertEquals(expected, gitClean(m.subject()), info.toString());
            compared++;
        }
        System.out.println("sample.mbox: " + compared + " of " + mails.size() + " subjects compared with git");
        assertTrue(compared >= 10, "compared " + compared);
    }

    private static String gitClean(String subject) {
        String s = subject.strip();
        while (true) {
            String t = s.replaceFirst("^(?i)(re|aw|fwd?)\\s*:\\s*", "").replaceFirst("^\\[[^]]*]\\s*", "");
            if (t.equals(s)) return s;
            s = t;
        }
    }

    /** Test-only mbox splitter: messages start at "From " lines; the From line itself is kept (the parser skips it). */
    static List<byte[]> splitMbox(byte[] mbox) {
        String s = new String(mbox, StandardCharsets.ISO_8859_1);
        List<byte[]> out = new ArrayList<>();
        int start = s.startsWith("From ") ? 0 : s.indexOf("\nFrom ") + 1;
        while (start >= 0 && start < s.length()) {
            int next = s.indexOf("\nFrom ", start);
            String one = next < 0 ? s.substring(start) : s.substring(start, next + 1);
            out.add(one.getBytes(StandardCharsets.ISO_8859_1));
            start = next < 0 ? -1 : next + 1;
        }
        return out;
    }

    private static List<Path> list(Path root, java.util.function.Predicate<Path> keep) throws IOException {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    private static final class Pattern {
        static final java.util.regex.Pattern HEADER_ID = java.util.regex.Pattern.compile(
                "(?im)\\A(?:(?!\\r?\\n\\r?\\n)[\\s\\S])*?^message-id:[ \\t]*(?:\\r?\\n[ \\t]+)?\\S");
    }
}
