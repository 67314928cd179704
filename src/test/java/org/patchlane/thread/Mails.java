package org.patchlane.thread;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.patchlane.mail.Mail;
import org.patchlane.mail.MailParser;
import org.patchlane.patch.PatchAnalyzer;

/**
 * Writes small real-shaped mails for the thread tests and turns them into {@link Post}s through the real parsers:
 * {@code mail("c0", NOA, "[PATCH 0/2] x").at(0)}, {@code .refs("a", "b")}, {@code .body("...")},
 * {@code .diff("path", "line")}.
 */
final class Mails {
    static final String NOA = "Noa Ashkenazi <noa@example.org>";
    static final String JASON = "Jason Gunthorpe <jgg@nvidia.com>";
    static final String LEON = "Leon Romanovsky <leon@kernel.org>";
    static final String GREG = "Greg Kroah-Hartman <gregkh@linuxfoundation.org>";
    static final String SAEED = "Saeed Mahameed <saeed@kernel.org>";
    static final String SHIRA = "Shira Levi <shiral@nvidia.com>";
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private final String id;
    private final String from;
    private final String subject;
    private final List<String> refs = new ArrayList<>();
    private String inReplyTo;
    private long minute;
    private String list = "linux-rdma";
    private final StringBuilder body = new StringBuilder();
    private final StringBuilder diff = new StringBuilder();

    private Mails(String id, String from, String subject) {
        this.id = id;
        this.from = from;
        this.subject = subject;
    }

    static Mails mail(String id, String from, String subject) {
        return new Mails(id, from, subject);
    }

    /** Minutes after the first mail. */
    Mails at(long minute) {
        this.minute = minute;
        return this;
    }

    /** References, oldest first; In-Reply-To is the last. */
    Mails refs(String... ids) {
        refs.addAll(List.of(ids));
        inReplyTo = ids[ids.length - 1];
        return this;
    }

    /** In-Reply-To only, no References. */
    Mails inReplyTo(String parent) {
        inReplyTo = parent;
        return this;
    }

    Mails list(String name) {
        list = name;
        return this;
    }

    Mails body(String text) {
        body.append(text).append('\n');
        return this;
    }

    /** A patch's commit message with the author's sign-off, then a one-line diff of {@code path}. */
    Mails patch(String path, String line) {
        return signedOff().diff(path, line);
    }

    Mails signedOff() {
        return body("Change it.\n\nSigned-off-by: " + from);
    }

    /** A one-hunk diff adding {@code line} to {@code path} (its patch-id depends on both). */
    Mails diff(String path, String line) {
        diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                .append("--- a/").append(path).append("\n+++ b/").append(path).append('\n')
                .append("@@ -1,2 +1,3 @@\n int a;\n+").append(line).append("\n int b;\n");
        return this;
    }

    String raw() {
        StringBuilder m = new StringBuilder();
        m.append("From: ").append(from).append('\n');
        m.append("To: linux-rdma@vger.kernel.org\n");
        m.append("Subject: ").append(subject).append('\n');
        m.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(T0.plusSeconds(minute * 60).atOffset(java.time.ZoneOffset.UTC))).append('\n');
        m.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) m.append("In-Reply-To: <").append(inReplyTo).append(">\n");
        if (!refs.isEmpty()) {
            m.append("References: ").append(refs.stream().map(r -> "<" + r + ">").collect(Collectors.joining(" ")))
                    .append('\n');
        }
        m.append("List-Id: <").append(list).append(".vger.kernel.org>\n");
        m.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n");
        m.append(body);
        if (diff.length() > 0) m.append("---\n").append(diff);
        return m.toString();
    }

    Post post() {
        Mail mail = MailParser.parse(raw().getBytes(StandardCharsets.UTF_8), null, false);
        return Posts.of(mail, PatchAnalyzer.analyze(mail), list);
    }

    static List<Post> posts(Mails... mails) {
        return java.util.Arrays.stream(mails).map(Mails::post).toList();
    }
}
