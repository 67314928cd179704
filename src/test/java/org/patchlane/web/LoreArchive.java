package org.patchlane.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/**
 * A small archive for the lore-compatible URLs, written for these tests and served by an {@link App} on a free
 * port: a two-patch series in two versions on {@code widgets} (v2 a new thread with the same b4 change-id),
 * reviewed in the v1 thread (a Reviewed-by to the cover from a Message-ID holding '/' and '+', an Acked-by to
 * patch 1, a Tested-by in a reply to that ack), patch 1 cross-posted to {@code netdev} (a second stored copy),
 * body lines starting "From " and "&gt;From " for mboxrd quoting, and on {@code netdev} a mail whose subject and
 * sender are HTML and whose body holds a control character.
 */
public final class LoreArchive implements AutoCloseable {
    public static final String V1_COVER = "frob-v1-0@example.org";
    public static final String V1_PATCH1 = "frob-v1-1@example.org";
    public static final String V1_PATCH2 = "frob-v1-2@example.org";
    /** A Message-ID with the characters URLs mangle. */
    public static final String REVIEW = "review/1+x@example.com";
    public static final String ACK = "ack-1@example.org";
    public static final String TESTED = "tested-1@example.org";
    public static final String V2_COVER = "frob-v2-0@example.org";
    public static final String V2_PATCH1 = "frob-v2-1@example.org";
    public static final String V2_PATCH2 = "frob-v2-2@example.org";
    public static final String HOSTILE = "hostile-1@example.net";
    public static final String HOSTILE_SUBJECT = "<script>alert(1)</script> & \"quotes\" ]]> frob";
    public static final String CHANGE_ID = "20261102-frob-leak-0123456789ab";
    /** The v1 thread in date order: what {@code t.mbox.gz} of any of its messages holds on {@code widgets}. */
    public static final List<String> V1_THREAD = List.of(V1_COVER, V1_PATCH1, V1_PATCH2, REVIEW, ACK, TESTED);

    private static final String SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

    static final String COVER = """
            From: Wendy Core <wendy@example.org>
            To: widgets@example.org
            Subject: [PATCH VTAG0/2] widget: fix the frob leak
            Date: DATE 10:00:00 +0000
            Message-ID: <frob-VN-0@example.org>
            List-Id: <widgets.example.org>

            The frob leaks when a widget is unplugged; these two patches drop the
            reference and warn about one still held.

            From me, and from everyone who hit this: sorry for the noise.
            >From the old thread: it is the same bug.

            ---
            Wendy Core (2):
                  widget: drop the frob reference on unplug
                  widget: warn when a frob is still held

            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: %s

            Best regards,
            --\s
            Wendy Core <wendy@example.org>
            """.formatted(CHANGE_ID);

    static final String PATCH = """
            From: Wendy Core <wendy@example.org>
            To: widgets@example.org
            Cc: LISTCC
            Subject: [PATCH VTAGK/2] widget: TITLE
            Date: DATE 10:0K:00 +0000
            Message-ID: <frob-VN-K@example.org>
            In-Reply-To: <frob-VN-0@example.org>
            References: <frob-VN-0@example.org>
            List-Id: <LISTID>

            TEXT

            Signed-off-by: Wendy Core <wendy@example.org>
            ---
             drivers/widget/core/frob.c | 1 +
             1 file changed, 1 insertion(+)

            diff --git a/drivers/widget/core/frob.c b/drivers/widget/core/frob.c
            index 1111111..2222222 100644
            --- a/drivers/widget/core/frob.c
            +++ b/drivers/widget/core/frob.c
            @@ -10,3 +10,4 @@ static void frob_unplug(struct widget *w)
             	w->state = WIDGET_GONE;
            +	LINE
             	return;
             }
            --\s
            2.47.0
            """;

    static final String REVIEW_MAIL = """
            From: Jason Gunthorpe <jgg@example.com>
            To: Wendy Core <wendy@example.org>
            Cc: widgets@example.org
            Subject: Re: [PATCH 0/2] widget: fix the frob leak
            Date: Tue, 03 Nov 2026 09:00:00 +0000
            Message-ID: <%s>
            In-Reply-To: <%s>
            References: <%s>
            List-Id: <widgets.example.org>

            On Mon, Nov 02, 2026 at 10:00:00AM +0000, Wendy Core wrote:
            > The frob leaks when a widget is unplugged; these two patches drop the

            Both look right.

            Reviewed-by: Jason Gunthorpe <jgg@example.com>
            """.formatted(REVIEW, V1_COVER, V1_COVER);

    static final String ACK_MAIL = """
            From: Leon Romanovsky <leon@example.org>
            To: Wendy Core <wendy@example.org>
            Cc: widgets@example.org
            Subject: Re: [PATCH 1/2] widget: drop the frob reference on unplug
            Date: Tue, 03 Nov 2026 11:00:00 +0000
            Message-ID: <%s>
            In-Reply-To: <%s>
            References: <%s> <%s>
            List-Id: <widgets.example.org>

            Acked-by: Leon Romanovsky <leon@example.org>
            """.formatted(ACK, V1_PATCH1, V1_COVER, V1_PATCH1);

    static final String TESTED_MAIL = """
            From: Mark Bloch <mbloch@example.org>
            To: Leon Romanovsky <leon@example.org>
            Cc: widgets@example.org
            Subject: Re: [PATCH 1/2] widget: drop the frob reference on unplug
            Date: Wed, 04 Nov 2026 08:00:00 +0000
            Message-ID: <%s>
            In-Reply-To: <%s>
            References: <%s> <%s> <%s>
            List-Id: <widgets.example.org>

            Ran it on the unplug test all night.

            Tested-by: Mark Bloch <mbloch@example.org>
            """.formatted(TESTED, ACK, V1_COVER, V1_PATCH1, ACK);

    static final String HOSTILE_MAIL = """
            From: "Eve <b>Bold</b>" <eve@example.net>
            To: netdev@vger.kernel.org
            Subject: %s
            Date: Tue, 10 Nov 2026 12:00:00 +0000
            Message-ID: <%s>
            List-Id: <netdev.vger.kernel.org>

            <img src=x> ding\u0007 & done
            """.formatted(HOSTILE_SUBJECT, HOSTILE);

    private final Searcher searcher;
    public final App app;
    /** {@code http://127.0.0.1:PORT}. */
    public final String base;
    /** The data directory, for the CLI. */
    public final Path data;
    /** The v1 thread as the list delivered it (mboxrd): what a maintainer would give {@code b4 am -m}. */
    public final Path v1Mbox;

    public LoreArchive(Path dir) throws IOException {
        data = Files.createDirectories(dir.resolve("data"));
        Path widgets = dir.resolve("widgets.mbox");
        v1Mbox = dir.resolve("widgets-v1.mbox");
        List<String> v1 = List.of(cover(1, "Mon, 02 Nov 2026"), patch(1, 1, "widgets"), patch(1, 2, "widgets"),
                REVIEW_MAIL, ACK_MAIL, TESTED_MAIL);
        List<String> v2 = List.of(cover(2, "Mon, 09 Nov 2026"), patch(2, 1, "widgets"), patch(2, 2, "widgets"));
        Files.writeString(v1Mbox, mbox(v1), StandardCharsets.UTF_8);
        Files.writeString(widgets, mbox(v1) + mbox(v2), StandardCharsets.UTF_8);
        Path netdev = dir.resolve("netdev.mbox");
        Files.writeString(netdev, mbox(List.of(patch(1, 1, "netdev"), HOSTILE_MAIL)), StandardCharsets.UTF_8);
        try (Archive archive = Archive.open(data)) {
            new Ingester(archive, null, Progress.NONE).run(List.of(widgets, netdev));
        }
        searcher = Searcher.open(data);
        app = new App(searcher);
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    /** The mail of one stored copy as the test wrote it (v1 patch 1: the widgets copy unless {@code netdev}). */
    public static String source(String messageId, boolean netdev) {
        return switch (messageId) {
            case V1_COVER -> cover(1, "Mon, 02 Nov 2026");
            case V1_PATCH1 -> patch(1, 1, netdev ? "netdev" : "widgets");
            case V1_PATCH2 -> patch(1, 2, "widgets");
            case V2_COVER -> cover(2, "Mon, 09 Nov 2026");
            case V2_PATCH1 -> patch(2, 1, "widgets");
            case V2_PATCH2 -> patch(2, 2, "widgets");
            case REVIEW -> REVIEW_MAIL;
            case ACK -> ACK_MAIL;
            case TESTED -> TESTED_MAIL;
            case HOSTILE -> HOSTILE_MAIL;
            default -> throw new IllegalArgumentException(messageId);
        };
    }

    private static String cover(int version, String date) {
        return COVER.replace("VTAG", version == 1 ? "" : "v" + version + " ").replace("VN", "v" + version)
                .replace("DATE", date);
    }

    private static String patch(int version, int k, String list) {
        String title = k == 1 ? "drop the frob reference on unplug" : "warn when a frob is still held";
        String text = k == 1 ? "Unplug keeps its frob reference; drop it." : "A frob still held at unplug is a bug; say so.";
        String line = k == 1 ? "frob_put(w->frob);" : "WARN_ON(w->frob);";
        if (version == 2) line = line.replace(";", "; /* v2 */");
        String cc = list.equals("netdev") ? "netdev@vger.kernel.org" : "widgets@example.org";
        String listId = list.equals("netdev") ? "netdev.vger.kernel.org" : "widgets.example.org";
        String date = version == 1 ? "Mon, 02 Nov 2026" : "Mon, 09 Nov 2026";
        return PATCH.replace("VTAG", version == 1 ? "" : "v" + version + " ").replace("VN", "v" + version)
                .replace("TITLE", title).replace("TEXT", text).replace("LINE", line).replace("LISTCC", cc)
                .replace("LISTID", listId).replace("DATE", date).replace("K", String.valueOf(k));
    }

    /** mboxrd: a separator before each mail, one more '>' on each {@code >*From } line, a blank line after. */
    private static String mbox(List<String> mails) {
        StringBuilder out = new StringBuilder();
        for (String m : mails) {
            out.append(SEPARATOR);
            for (String line : m.split("\n", -1)) {
                out.append(line.matches(">*From .*") ? ">" : "").append(line).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        searcher.close();
    }
}
