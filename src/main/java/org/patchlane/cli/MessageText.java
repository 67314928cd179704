package org.patchlane.cli;

import org.patchlane.mail.Mail;
import org.patchlane.report.MessageJson;
import org.patchlane.view.Plural;
import org.patchlane.report.SeriesJson;

/** The text rendering of {@code show}: a header block of what Patchlane found, then the body as sent. */
final class MessageText {
    private MessageText() {
    }

    static String of(MessageJson m, Mail mail) {
        StringBuilder out = new StringBuilder();
        line(out, "Message-ID", "<" + m.messageId() + ">");
        line(out, "From", mail.from().display());
        line(out, "Date", m.date());
        line(out, "Subject", m.subject());
        line(out, "List", m.list());
        line(out, "Kind", m.kind());
        MessageJson.TagsJson t = m.tags();
        if (t.index() >= 0) line(out, "Tags", String.join(" ", t.prefixes()) + "  (v" + t.version() + ", "
                + t.index() + "/" + t.total() + ")");
        if (!m.inReplyTo().isEmpty()) line(out, "In-Reply-To", "<" + m.inReplyTo().get(0) + ">");
        if (m.copies().size() > 1) line(out, "Copies", copies(m));
        if (!m.flags().isEmpty()) line(out, "Flags", String.join(", ", m.flags()));
        for (MessageJson.TrailerJson tr : m.trailers()) {
            line(out, tr.quoted() ? "Trailer (quoted)" : "Trailer",
                    tr.kind() + ": " + tr.name() + (tr.email().isEmpty() ? "" : " <" + tr.email() + ">")
                            + (tr.comment() == null ? "" : "  # " + tr.comment()));
        }
        for (SeriesJson.FindingJson f : m.findings()) line(out, "Finding", f.text() + "  (check:" + f.check() + ")");
        if (m.diff() != null) line(out, "Diff", Plural.of(m.diff().files().size(), "file") + ", +" + m.diff().added() + " -"
                + m.diff().removed() + ", patch-id " + m.diff().patchId());
        if (m.pull() != null) line(out, "Pull", m.pull().url() + " " + m.pull().ref() + "  " + m.pull().base()
                + ".." + m.pull().head());
        if (m.markers().baseCommit() != null) line(out, "Base-Commit", m.markers().baseCommit());
        if (m.markers().changeId() != null) line(out, "Change-Id", m.markers().changeId());
        out.append('\n').append(mail.body().text());
        if (!mail.body().text().endsWith("\n")) out.append('\n');
        return out.toString();
    }

    /** "this is copy 1 of 2: 1 linux-rdma, 2 netdev (show --list NAME, --all)". */
    private static String copies(MessageJson m) {
        StringBuilder s = new StringBuilder("copy " + m.copy() + " of " + m.copies().size() + ":");
        for (MessageJson.CopyJson c : m.copies()) {
            s.append(' ').append(c.copy()).append(' ').append(c.list().isEmpty() ? "(no list)" : c.list())
                    .append(c.copy() == m.copy() ? " (shown)," : ",");
        }
        s.setLength(s.length() - 1);
        return s.append("; show --list NAME picks one, --all prints every copy").toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) out.append(String.format("%-12s %s%n", name + ":", value));
    }
}
