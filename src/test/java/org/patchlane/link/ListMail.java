package org.patchlane.link;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one list mail in mbox form for link tests: headers as git send-email writes them, an optional body and
 * optional file diffs whose hunk headers are counted from their lines.
 */
final class ListMail {
    private final String id;
    private final String from;
    private final String subject;
    private final String date;
    private String inReplyTo;
    private final StringBuilder body = new StringBuilder();
    private final List<String> diffs = new ArrayList<>();

    private ListMail(String id, String from, String subject, String date) {
        this.id = id;
        this.from = from;
        this.subject = subject;
        this.date = date;
    }

    /** {@code date} as RFC 5322 ("Mon, 02 Nov 2026 10:00:00 +0000"). */
    static ListMail of(String id, String from, String subject, String date) {
        return new ListMail(id, from, subject, date);
    }

    /** The Message-ID, without angle brackets. */
    String id() {
        return id;
    }

    ListMail replyTo(String parent) {
        this.inReplyTo = parent;
        return this;
    }

    ListMail body(String text) {
        body.append(text).append(text.endsWith("\n") ? "" : "\n");
        return this;
    }

    /** A diff of one file: lines starting with '+', '-' or ' ' as in a hunk. */
    ListMail diff(String path, String... lines) {
        int removed = 0;
        int added = 0;
        int context = 0;
        for (String l : lines) {
            switch (l.charAt(0)) {
                case '+' -> added++;
                case '-' -> removed++;
                default -> context++;
            }
        }
        String hunk = String.format("@@ -%d,%d +%d,%d @@%n", removed + context == 0 ? 0 : 1, removed + context,
                1, added + context);
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\n");
        if (removed + context == 0) d.append("new file mode 100644\n--- /dev/null\n");
        else d.append("--- a/").append(path).append('\n');
        d.append("+++ b/").append(path).append('\n').append(hunk.replace("\r", ""));
        for (String l : lines) d.append(l).append('\n');
        diffs.add(d.toString());
        return this;
    }

    String mbox() {
        String address = from.substring(from.indexOf('<') + 1, from.indexOf('>'));
        StringBuilder m = new StringBuilder("From " + address + " Mon Nov  2 10:00:00 2026\n");
        m.append("From: ").append(from).append('\n');
        m.append("To: linux-rdma@vger.kernel.org\n");
        m.append("Subject: ").append(subject).append('\n');
        m.append("Date: ").append(date).append('\n');
        m.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) {
            m.append("In-Reply-To: <").append(inReplyTo).append(">\nReferences: <").append(inReplyTo).append(">\n");
        }
        m.append("List-Id: <linux-rdma.vger.kernel.org>\n\n");
        m.append(body);
        if (!diffs.isEmpty()) {
            if (!body.toString().contains("Signed-off-by:")) {
                m.append("\nSigned-off-by: ").append(from).append('\n');
            }
            m.append("---\n");
            for (String d : diffs) m.append(d);
            m.append("-- \n2.47.0\n");
        }
        return m.append('\n').toString().replaceAll("(?m)^(>*From )", ">$1").replaceFirst("^>From ", "From ");
    }
}
