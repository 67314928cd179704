package org.patchlane.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.patchlane.git.ConfigFile;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.report.SourcesJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/**
 * An archive with linked series and the review policy of its configuration, served by an {@link App} on a free
 * port: {@link #widgets} (written for these tests: an infrastructure series in two versions whose titles carry
 * HTML, and a driver series built on its first version) or {@link #demo} (the demo archive, its MAINTAINERS beside
 * it).
 */
final class LinkedArchive implements AutoCloseable {
    static final String CORE_V1 = "widget-core-v1@example.org";
    static final String CORE_V2 = "widget-core-v2@example.org";
    static final String DRIVER = "widget-hw-v1@example.org";
    static final String CORE_TITLE = "widget: add <script>alert(1)</script> frob helpers";
    static final String DRIVER_TITLE = "widget/hw: hold the <b>widget</b> while probing";
    /** The demo's infrastructure series and one of its users, by a Message-ID of each. */
    static final String DEMO_INFRA = "20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com";
    static final String DEMO_USER = "20261123104501.2291-1-jacek.wierzbicki@intel.com";

    /** v1 adds and exports widget_frob_get; v2 renames it widget_frob_tryget. */
    private static final String CORE = """
            From: Wendy Core <wendy@example.org>
            To: widgets@example.org
            Subject: [PATCH vVERSION] %s
            Date: DATE
            Message-ID: <widget-core-vVERSION@example.org>
            List-Id: <widgets.example.org>

            Add a helper the drivers need to hold a widget.

            Signed-off-by: Wendy Core <wendy@example.org>
            ---
             drivers/widget/core/widget.c | 6 ++++++
             1 file changed, 6 insertions(+)

            diff --git a/drivers/widget/core/widget.c b/drivers/widget/core/widget.c
            index 1111111..2222222 100644
            --- a/drivers/widget/core/widget.c
            +++ b/drivers/widget/core/widget.c
            @@ -10,3 +10,9 @@ static int widget_probe(struct widget *w)
             	return 0;
             }
            \s
            +int FROB_NAME(struct widget *w)
            +{
            +	return kref_get_unless_zero(&w->ref);
            +}
            +EXPORT_SYMBOL_GPL(FROB_NAME);
            +
            \s
            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: 20261201-widget-frob-0a1b2c3d4e5f
            --\s
            2.47.0
            """.formatted(CORE_TITLE);

    private static final String DRIVER_MAIL = """
            From: Dave Driver <dave@example.org>
            To: widgets@example.org
            Subject: [PATCH] %s
            Date: Wed, 02 Dec 2026 09:00:00 +0000
            Message-ID: <%s>
            List-Id: <widgets.example.org>

            Use the new frob helper.

            Signed-off-by: Dave Driver <dave@example.org>
            ---
             drivers/widget/hw/foo.c | 2 ++
             1 file changed, 2 insertions(+)

            diff --git a/drivers/widget/hw/foo.c b/drivers/widget/hw/foo.c
            index 3333333..4444444 100644
            --- a/drivers/widget/hw/foo.c
            +++ b/drivers/widget/hw/foo.c
            @@ -20,3 +20,5 @@ static int foo_probe(struct widget *w)
             	int ret;
            \s
            +	if (!widget_frob_get(w))
            +		return -ENODEV;
             	return 0;
            \s
            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: 20261202-foo-hold-9f8e7d6c5b4a
            prerequisite-change-id: 20261201-widget-frob-0a1b2c3d4e5f:v1
            --\s
            2.47.0
            """.formatted(DRIVER_TITLE, DRIVER);

    private static final String FROM = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

    private static final String WIDGET_CONF = """
            [area "widget core"]
            	kind = infrastructure
            	path = drivers/widget/core/
            	maintainer = Wendy Core <wendy@example.org>
            [area "widget driver"]
            	kind = driver
            	path = drivers/widget/hw/
            	maintainer = Dave Driver <dave@example.org>
            """;

    private final Searcher searcher;
    final App app;
    final String base;

    private LinkedArchive(Path data) throws IOException {
        Policy policy = Policy.load(ConfigFile.read(data.resolve("patchlane.conf")), null);
        searcher = Searcher.open(data);
        app = new App(searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, searcher.cursors()), policy);
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    /** The widget series in {@code dir}, with their [area] configuration. */
    static LinkedArchive widgets(Path dir) throws IOException {
        String mbox = String.join("\n", List.of(
                core(1, "Tue, 01 Dec 2026 09:00:00 +0000", "widget_frob_get"), FROM + DRIVER_MAIL,
                core(2, "Thu, 03 Dec 2026 09:00:00 +0000", "widget_frob_tryget")));
        Path file = Files.createDirectories(dir).resolve("widgets.mbox");
        Files.writeString(file, mbox, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("patchlane.conf"), WIDGET_CONF, StandardCharsets.UTF_8);
        return ingested(dir, file);
    }

    /** The demo archive in {@code dir}, with the demo MAINTAINERS and a configuration naming it. */
    static LinkedArchive demo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path mbox = dir.resolve("demo-linux-rdma.mbox");
        copy("/demo/linux-rdma.mbox", mbox);
        copy("/demo/MAINTAINERS", dir.resolve("MAINTAINERS"));
        Files.writeString(dir.resolve("patchlane.conf"), "[maintainers]\n\tfile = MAINTAINERS\n", StandardCharsets.UTF_8);
        return ingested(dir, mbox);
    }

    private static String core(int version, String date, String symbol) {
        return FROM + CORE.replace("VERSION", String.valueOf(version))
                .replace("DATE", date).replace("FROB_NAME", symbol);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = LinkedArchive.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("no resource " + resource);
            Files.copy(in, to);
        }
    }

    private static LinkedArchive ingested(Path dir, Path mbox) throws IOException {
        try (Archive archive = Archive.open(dir)) {
            new Ingester(archive, null, Progress.NONE).run(List.of(mbox));
        }
        return new LinkedArchive(dir);
    }

    @Override
    public void close() throws IOException {
        app.stop();
        searcher.close();
    }
}
