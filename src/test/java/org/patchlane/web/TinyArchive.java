package org.patchlane.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;


/** A four-message archive on linux-rdma, written for the web tests, and an {@link App} serving it on a free port. */
final class TinyArchive implements AutoCloseable {
    static final String PATCH_ID = "20261103101500.4412-1-leon@example.org";
    /** A Message-ID with the characters URLs mangle: '/', '+' and '$'. */
    static final String REPLY_ID = "reply/7+x$1@example.net";
    static final String PULL_ID = "pull-rdma-2026-11-20@example.org";
    static final String DUP_ID = "dup-1@example.com";

    static final String PATCH = """
            From: Leon Romanovsky <leon@example.org>
            To: linux-rdma@vger.kernel.org
            Cc: Jason Gunthorpe <jgg@example.com>
            Subject: [PATCH rdma-next v2 1/2] RDMA/mlx5: keep <script>alert(1)</script> aux lifetime
            Date: Tue, 03 Nov 2026 10:15:00 +0000
            Message-ID: <%s>
            List-Id: <linux-rdma.vger.kernel.org>

            The auxiliary device may outlive its parent; take a reference
            before registering it so mlx5 teardown cannot free it early.

            Reviewed-by: Mark Bloch <mbloch@example.org>
            Signed-off-by: Leon Romanovsky <leon@example.org>
            ---
             drivers/infiniband/hw/mlx5/main.c | 3 ++-
             1 file changed, 2 insertions(+), 1 deletion(-)

            diff --git a/drivers/infiniband/hw/mlx5/main.c b/drivers/infiniband/hw/mlx5/main.c
            index 1111111..2222222 100644
            --- a/drivers/infiniband/hw/mlx5/main.c
            +++ b/drivers/infiniband/hw/mlx5/main.c
            @@ -10,7 +10,8 @@ static int mlx5_ib_probe(struct auxiliary_device *adev)
             	struct mlx5_ib_dev *dev;
             	int ret;
            -	dev = ib_alloc_device(mlx5_ib_dev, ib_dev);
            +	get_device(&adev->dev);
            +	dev = ib_alloc_device(mlx5_ib_dev, ib_dev);
             	if (!dev)
             		return -ENOMEM;
             	dev->mdev = mdev;
            \s
            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: 20261102-aux-lifetime-3f1c2a9b7d10
            --\s
            2.47.0
            """.formatted(PATCH_ID);

    static final String REPLY = """
            From: Jason Gunthorpe <jgg@example.com>
            To: Leon Romanovsky <leon@example.org>
            Cc: linux-rdma@vger.kernel.org
            Subject: Re: [PATCH rdma-next v2 1/2] RDMA/mlx5: keep <script>alert(1)</script> aux lifetime
            Date: Wed, 04 Nov 2026 08:00:00 +0000
            Message-ID: <%s>
            In-Reply-To: <%s>

            On Tue, Nov 03, 2026 at 10:15:00AM +0000, Leon Romanovsky wrote:
            > The auxiliary device may outlive its parent; take a reference
            > Reviewed-by: Mark Bloch <mbloch@example.org>

            Looks right to me, the lifetime was wrong since the aux conversion.

            Acked-by: Jason Gunthorpe <jgg@example.com>
            """.formatted(REPLY_ID, PATCH_ID);

    static final String PULL = """
            From: Leon Romanovsky <leon@example.org>
            To: Linus Torvalds <torvalds@example.org>
            Subject: [GIT PULL] rdma fixes for 6.19
            Date: Fri, 20 Nov 2026 12:00:00 +0000
            Message-ID: <%s>

            Hi Linus,

            The following changes since commit 0123456789abcdef0123456789abcdef01234567:

              Linux 6.19-rc5 (2026-11-15 14:00:00 -0800)

            are available in the Git repository at:

              git://git.example.org/pub/scm/linux/kernel/git/rdma/rdma.git tags/for-linus

            for you to fetch changes up to 89abcdef0123456789abcdef0123456789abcdef:

              RDMA/mlx5: keep aux lifetime (2026-11-18 09:00:00 +0200)

            ----------------------------------------------------------------
            Leon Romanovsky (1):
                  RDMA/mlx5: keep aux lifetime

             drivers/infiniband/hw/mlx5/main.c | 3 ++-
             1 file changed, 2 insertions(+), 1 deletion(-)
            """.formatted(PULL_ID);

    static final String DUP_A = """
            From: Someone <someone@example.com>
            Subject: first of two with one id
            Date: Mon, 02 Nov 2026 09:00:00 +0000
            Message-ID: <%s>

            The first text.
            """.formatted(DUP_ID);

    static final String DUP_B = DUP_A.replace("The first text.", "The second text, changed.");

    private final ServedArchive served;
    final App app;
    final String base;

    TinyArchive(Path dir) throws IOException {
        this(dir, Auth.none());
    }

    /** The archive served with the maintainers (and clock) of {@code auth}. */
    TinyArchive(Path dir, Auth auth) throws IOException {
        served = ServedArchive.of(dir, ServedArchive.on("linux-rdma", PATCH, REPLY, PULL, DUP_A, DUP_B),
                searcher -> new App(searcher, () -> org.patchlane.report.SourcesJson.of(java.util.List.of(),
                        org.patchlane.ingest.SourceRuns.NONE, searcher.cursors()), org.patchlane.review.Policy.of(
                        org.patchlane.review.Maintainers.NONE), auth));
        app = served.app;
        base = served.base;
    }

    /** The mail as it is stored: CRLF-free, UTF-8. */
    static byte[] bytes(String mail) {
        return mail.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        served.close();
    }
}
