package org.patchlane.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.patchlane.cli.DemoData;
import org.patchlane.report.SourcesJson;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.store.Searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo with its repositories served, plus one hostile pull request (markup in its subject and sender name,
 * never fetched): for the pull request pages' tests.
 */
final class DemoPulls implements AutoCloseable {
    static final String MLX5 = "[GIT PULL] mlx5 driver updates for 6.21";
    static final String HNS3 = "[GIT PULL] hns reset reference for 6.21";
    static final String HNS = "[GIT PULL] hns RoCE updates for 6.21";
    static final String UMR = "[GIT PULL] mlx5 UMR capabilities for 6.21";
    static final String HOSTILE_SUBJECT = "[GIT PULL] <script>window.__pwned=1</script> updates";
    static final String HOSTILE_NAME = "<img src=x onerror=\"window.__pwned=2\">";

    final Path data;
    final Searcher searcher;
    final App app;
    final String base;

    DemoPulls(Path dir) throws IOException {
        data = DemoData.demo(dir);
        Path mail = dir.resolve("hostile.eml");
        Files.writeString(mail, """
                From: "%s" <evil@example.org>
                Date: Sun, 29 Nov 2026 10:00:00 +0000
                Subject: %s
                Message-ID: <evil-pull@example.org>
                List-Id: <linux-rdma.vger.kernel.org>
                Content-Type: text/plain; charset=us-ascii

                The following changes since commit 7c14d07f624afea559d52f08afc415c2b422742f:

                  Linux 6.20-rc4 (2026-11-15 14:02:11 -0800)

                are available in the Git repository at:

                  https://example.org/<b>evil</b>.git master

                for you to fetch changes up to cfb74340313a11fd6bec8f203091e33264222961:

                  <b>head</b> (2026-11-23 17:40:02 +0200)

                ----------------------------------------------------------------
                Evil (1):
                      <i>a commit</i>

                 drivers/infiniband/hw/mlx5/<u>x</u>.c | 1 +
                 1 file changed, 1 insertion(+)
                """.formatted(HOSTILE_NAME.replace("\"", "\\\""), HOSTILE_SUBJECT), StandardCharsets.UTF_8);
        assertEquals(0, DemoData.run("ingest", mail.toString(), "--list", "linux-rdma", "--data", data.toString()));
        searcher = Searcher.open(data);
        app = new App(searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, searcher.cursors()),
                DemoData.policy(data)).withRepositories(DemoData.repositories(data));
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        searcher.close();
    }
}
