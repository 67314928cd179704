package org.patchlane.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.store.Searcher;

/**
 * An archive written for the reading pages, served by an {@link App} on a free port: on linux-rdma a two-patch
 * series whose thread nests four levels deep (a review quoting the patch, the author answering it, a reply to a
 * message the archive lacks, a reply that changes the subject); on netdev a single patch; and on netdev a hostile
 * patch whose subject, sender name, body, attachment name and Message-ID carry script, event-handler and
 * {@code javascript:} payloads, each setting {@code window.__pwned} were it ever run.
 */
final class ThreadArchive implements AutoCloseable {
    static final String COVER = "cover-v2@example.org";
    static final String PATCH1 = "patch1-v2@example.org";
    static final String PATCH2 = "patch2-v2@example.org";
    static final String REVIEW = "review-bob@example.org";
    static final String ANSWER = "answer-alice@example.org";
    /** Named by {@link #ORPHAN}'s References, never received. */
    static final String LOST = "lost@example.org";
    static final String ORPHAN = "orphan-dave@example.org";
    static final String TOPIC = "topic-carol@example.org";
    static final String NETDEV = "netdev-single@example.org";
    static final String HOSTILE = "javascript:window.__pwned=7@evil.example";
    static final String TITLE = "RDMA/mlx5: fix the teardown order";

    private static final String HEAD = """
            From: %s
            To: linux-rdma@vger.kernel.org
            Subject: %s
            Date: %s
            Message-ID: <%s>
            """;

    static final String COVER_MAIL = HEAD.formatted("Alice Author <alice@example.org>", "[PATCH v2 0/2] " + TITLE,
            "Tue, 10 Nov 2026 09:00:00 +0000", COVER) + """

            Two fixes for the teardown order of mlx5.

            Alice Author (2):
              RDMA/mlx5: free the doorbell last
              RDMA/mlx5: drop the stale counter
            """;

    static final String PATCH1_MAIL = HEAD.formatted("Alice Author <alice@example.org>",
            "[PATCH v2 1/2] RDMA/mlx5: free the doorbell last", "Tue, 10 Nov 2026 09:00:01 +0000", PATCH1) + """
            In-Reply-To: <%s>
            References: <%s>

            The doorbell page is still mapped when the context goes away.

            Signed-off-by: Alice Author <alice@example.org>
            ---
             drivers/infiniband/hw/mlx5/main.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            diff --git a/drivers/infiniband/hw/mlx5/main.c b/drivers/infiniband/hw/mlx5/main.c
            index 1111111..2222222 100644
            --- a/drivers/infiniband/hw/mlx5/main.c
            +++ b/drivers/infiniband/hw/mlx5/main.c
            @@ -20,3 +20,3 @@ static void mlx5_ib_dealloc_ucontext(struct ib_ucontext *uctx)
             	mlx5_ib_free_counters(ctx);
            -	mlx5_ib_free_db(ctx);
            +	mlx5_ib_free_db_last(ctx);
             	kfree(ctx);
            """.formatted(COVER, COVER);

    static final String PATCH2_MAIL = HEAD.formatted("Alice Author <alice@example.org>",
            "[PATCH v2 2/2] RDMA/mlx5: drop the stale counter", "Tue, 10 Nov 2026 09:00:02 +0000", PATCH2) + """
            In-Reply-To: <%s>
            References: <%s>

            Nothing reads the counter since the last rework.

            Signed-off-by: Alice Author <alice@example.org>
            ---
            diff --git a/drivers/infiniband/hw/mlx5/main.c b/drivers/infiniband/hw/mlx5/main.c
            index 2222222..3333333 100644
            --- a/drivers/infiniband/hw/mlx5/main.c
            +++ b/drivers/infiniband/hw/mlx5/main.c
            @@ -30,2 +30,1 @@ struct mlx5_ib_ucontext {
            -	u64 stale;
             	u32 live;
            """.formatted(COVER, COVER);

    static final String REVIEW_MAIL = HEAD.formatted("Bob Reviewer <bob@example.org>",
            "Re: [PATCH v2 1/2] RDMA/mlx5: free the doorbell last", "Wed, 11 Nov 2026 08:00:00 +0000", REVIEW) + """
            In-Reply-To: <%s>
            References: <%s> <%s>

            On Tue, Nov 10, 2026 at 09:00:01AM +0000, Alice Author wrote:
            > The doorbell page is still mapped when the context goes away.
            > Signed-off-by: Alice Author <alice@example.org>
            > -	mlx5_ib_free_db(ctx);
            > +	mlx5_ib_free_db_last(ctx);

            Right, the page outlived the context.

            Reviewed-by: Bob Reviewer <bob@example.org>
            """.formatted(PATCH1, COVER, PATCH1);

    static final String ANSWER_MAIL = HEAD.formatted("Alice Author <alice@example.org>",
            "Re: [PATCH v2 1/2] RDMA/mlx5: free the doorbell last", "Wed, 11 Nov 2026 10:00:00 +0000", ANSWER) + """
            In-Reply-To: <%s>
            References: <%s> <%s> <%s>

            > Right, the page outlived the context.

            Thanks, I will carry the tag.
            """.formatted(REVIEW, COVER, PATCH1, REVIEW);

    static final String ORPHAN_MAIL = HEAD.formatted("Dave Late <dave@example.org>",
            "Re: [PATCH v2 0/2] " + TITLE, "Thu, 12 Nov 2026 07:00:00 +0000", ORPHAN) + """
            In-Reply-To: <%s>
            References: <%s> <%s>

            Tested on ConnectX-6.

            Tested-by: Dave Late <dave@example.org>
            """.formatted(LOST, COVER, LOST);

    static final String TOPIC_MAIL = HEAD.formatted("Carol Other <carol@example.org>",
            "mlx5 teardown in general (was: Re: [PATCH v2 0/2] " + TITLE + ")", "Fri, 13 Nov 2026 07:00:00 +0000",
            TOPIC) + """
            In-Reply-To: <%s>
            References: <%s>

            Should the rest of the teardown follow the same order?
            """.formatted(COVER, COVER);

    static final String NETDEV_MAIL = """
            From: Nina Net <nina@example.org>
            To: netdev@vger.kernel.org
            Subject: [PATCH net] net: fix the ring size check
            Date: Sat, 14 Nov 2026 07:00:00 +0000
            Message-ID: <%s>

            The ring size was checked after use.

            Signed-off-by: Nina Net <nina@example.org>
            ---
            diff --git a/net/core/ring.c b/net/core/ring.c
            index 1111111..2222222 100644
            --- a/net/core/ring.c
            +++ b/net/core/ring.c
            @@ -1,2 +1,2 @@
            -	old();
            +	new();
            """.formatted(NETDEV);

    /** Script in every field a page shows; each payload would set window.__pwned. */
    static final String HOSTILE_SUBJECT = "[PATCH] <script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    static final String HOSTILE_MAIL = """
            From: "<img src=x onerror=window.__pwned=3>" <evil@evil.example>
            To: netdev@vger.kernel.org
            Subject: %s
            Date: Sun, 15 Nov 2026 07:00:00 +0000
            Message-ID: <%s>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            <script>window.__pwned=4</script>
            <a href="javascript:window.__pwned=5">click</a> javascript:window.__pwned=6
            <svg onload="window.__pwned=8"></svg>
            > <img src=x onerror=window.__pwned=13> quoted

            Acked-by: <script>window.__pwned=9</script> <evil@evil.example>
            --b
            Content-Type: text/x-patch; name="<img src=x onerror=window.__pwned=10>.patch"
            Content-Disposition: attachment; filename="<img src=x onerror=window.__pwned=10>.patch"

            diff --git a/x.c b/x.c
            --- a/x.c
            +++ b/x.c
            @@ -1 +1 @@
            -<script>window.__pwned=11</script>
            +<img src=x onerror=window.__pwned=12>
            --b--
            """.formatted(HOSTILE_SUBJECT, HOSTILE);

    private final ServedArchive served;
    final App app;
    final String base;

    ThreadArchive(Path dir) throws IOException {
        List<ServedArchive.Mail> mails = new java.util.ArrayList<>(ServedArchive.on("linux-rdma", COVER_MAIL,
                PATCH1_MAIL, PATCH2_MAIL, REVIEW_MAIL, ANSWER_MAIL, ORPHAN_MAIL, TOPIC_MAIL));
        mails.addAll(ServedArchive.on("netdev", NETDEV_MAIL, HOSTILE_MAIL));
        served = ServedArchive.of(dir, mails);
        app = served.app;
        base = served.base;
    }

    Searcher searcher() {
        return served.searcher;
    }

    @Override
    public void close() throws IOException {
        served.close();
    }
}
