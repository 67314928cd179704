package org.patchlane.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.patchlane.store.Searcher;

/**
 * A watchdog series in two versions, for the series page, interdiff and navigation tests: v1 is a cover and two
 * patches, v2 a cover and three (1/3 with one code line changed, 2/3 with a reworded commit message only, 3/3
 * new). A reviewer with a long name reviews v1's first patch; a maintainer acks v2's cover; a tester whose address
 * the archive masked tests v2's 3/3.
 */
public final class VersionedArchive implements AutoCloseable {
    static final String CHANGE_ID = "20261104-foo-wdt-stop-7a1b2c3d4e5f";
    static final String V1_COVER = "20261104-foo-wdt-v1-0-aa11@example.org";
    static final String V1_P1 = "20261104-foo-wdt-v1-1-aa11@example.org";
    static final String V1_P2 = "20261104-foo-wdt-v1-2-aa11@example.org";
    static final String V2_COVER = "20261111-foo-wdt-v2-0-bb22@example.org";
    static final String V2_P1 = "20261111-foo-wdt-v2-1-bb22@example.org";
    static final String V2_P2 = "20261111-foo-wdt-v2-2-bb22@example.org";
    static final String V2_P3 = "20261111-foo-wdt-v2-3-bb22@example.org";
    static final String REVIEW = "20261105093000.GA1234@kw-laptop.example.net";
    static final String ACK = "20261112080000.GB5678@wim.example.org";
    static final String MASKED_TEST = "20261112090000.GC9012@roeck.example.net";
    /** Longer than the old matrix column (7rem, cut with an ellipsis). */
    static final String LONG_NAME = "Krzysztof Wilczyński-Kozłowski";
    static final String BASE = "1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d";

    private final ServedArchive served;
    final App app;
    final String base;

    static String header(String id, String subject, String date, String inReplyTo) {
        return "From: Ada Lovelace <ada@example.org>\nTo: linux-watchdog@vger.kernel.org\nSubject: " + subject
                + "\nDate: " + date + "\nMessage-ID: <" + id + ">\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\nReferences: <" + inReplyTo + ">\n")
                + "List-Id: <linux-watchdog.vger.kernel.org>\n\n";
    }

    static String cover(String id, int v, int n, String date, String changes) {
        return header(id, "[PATCH v" + v + " 0/" + n + "] watchdog: foo: stop cleanly", date, null)
                + "Stop the foo watchdog on shutdown and document it.\n\n" + changes + "\n---\nbase-commit: " + BASE
                + "\nchange-id: " + CHANGE_ID + "\n\nBest regards,\n-- \nAda Lovelace <ada@example.org>\n";
    }

    static String stop(String id, int v, int n, String cover, String date, String write) {
        return header(id, "[PATCH v" + v + " 1/" + n + "] watchdog: foo: stop the timer on shutdown", date, cover)
                + "The timer keeps running after reboot; stop it from the shutdown hook.\n\n"
                + "Signed-off-by: Ada Lovelace <ada@example.org>\n---\n"
                + "diff --git a/drivers/watchdog/foo_wdt.c b/drivers/watchdog/foo_wdt.c\n"
                + "index 3b18e2a..7c41d0f 100644\n--- a/drivers/watchdog/foo_wdt.c\n+++ b/drivers/watchdog/foo_wdt.c\n"
                + "@@ -40,6 +40,6 @@ static int foo_stop(struct watchdog_device *wdd)\n"
                + " \tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd);\n \n-\twritel(0, wdt->base + FOO_CTRL);\n+" + write
                + "\n \treturn 0;\n }\n \n-- \n2.47.0\n";
    }

    static String doc(String id, int v, int n, String cover, String date, String why) {
        return header(id, "[PATCH v" + v + " 2/" + n + "] Documentation: watchdog: describe foo_wdt stop", date, cover)
                + why + "\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n---\n"
                + "diff --git a/Documentation/watchdog/foo_wdt.rst b/Documentation/watchdog/foo_wdt.rst\n"
                + "index 5e6f7a8..9b0c1d2 100644\n--- a/Documentation/watchdog/foo_wdt.rst\n+++ b/Documentation/watchdog/foo_wdt.rst\n"
                + "@@ -12,3 +12,4 @@ Module parameters\n timeout: the initial timeout in seconds\n nowayout: never stop\n"
                + "+The timer is stopped on shutdown.\n \n-- \n2.47.0\n";
    }

    public static final List<String> MAILS = List.of(
            cover(V1_COVER, 1, 2, "Wed, 04 Nov 2026 10:00:00 +0000", "This is v1."),
            stop(V1_P1, 1, 2, V1_COVER, "Wed, 04 Nov 2026 10:00:01 +0000", "\twritel(FOO_STOP, wdt->base + FOO_CTRL);"),
            doc(V1_P2, 1, 2, V1_COVER, "Wed, 04 Nov 2026 10:00:02 +0000", "Say what shutdown does."),
            "From: " + LONG_NAME + " <kw@linux.com>\nTo: Ada Lovelace <ada@example.org>\nCc: linux-watchdog@vger.kernel.org\n"
                    + "Subject: Re: [PATCH v1 1/2] watchdog: foo: stop the timer on shutdown\n"
                    + "Date: Thu, 05 Nov 2026 09:30:00 +0000\nMessage-ID: <" + REVIEW + ">\nIn-Reply-To: <" + V1_P1 + ">\n"
                    + "References: <" + V1_COVER + "> <" + V1_P1 + ">\nList-Id: <linux-watchdog.vger.kernel.org>\n\n"
                    + "Looks right; FOO_STOP | FOO_CLR would also clear a pending reset.\n\n"
                    + "Reviewed-by: " + LONG_NAME + " <kw@linux.com>\n",
            cover(V2_COVER, 2, 3, "Wed, 11 Nov 2026 10:00:00 +0000",
                    "Changes in v2:\n- clear a pending reset too\n- reword the documentation patch\n- add the Kconfig help"),
            stop(V2_P1, 2, 3, V2_COVER, "Wed, 11 Nov 2026 10:00:01 +0000", "\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);"),
            doc(V2_P2, 2, 3, V2_COVER, "Wed, 11 Nov 2026 10:00:02 +0000", "Say what shutdown does to the timer."),
            header(V2_P3, "[PATCH v2 3/3] watchdog: foo: mention the shutdown stop in Kconfig", "Wed, 11 Nov 2026 10:00:03 +0000", V2_COVER)
                    + "So that users know.\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n---\n"
                    + "diff --git a/drivers/watchdog/Kconfig b/drivers/watchdog/Kconfig\nindex 11aa22b..33cc44d 100644\n"
                    + "--- a/drivers/watchdog/Kconfig\n+++ b/drivers/watchdog/Kconfig\n@@ -120,3 +120,4 @@ config FOO_WATCHDOG\n"
                    + " \tdepends on HAS_IOMEM\n \tselect WATCHDOG_CORE\n+\t  The timer is stopped on shutdown.\n \thelp\n-- \n2.47.0\n",
            "From: Wim Van Sebroeck <wim@linux-watchdog.org>\nTo: Ada Lovelace <ada@example.org>\n"
                    + "Subject: Re: [PATCH v2 0/3] watchdog: foo: stop cleanly\nDate: Thu, 12 Nov 2026 08:00:00 +0000\n"
                    + "Message-ID: <" + ACK + ">\nIn-Reply-To: <" + V2_COVER + ">\nReferences: <" + V2_COVER + ">\n"
                    + "List-Id: <linux-watchdog.vger.kernel.org>\n\nAcked-by: Wim Van Sebroeck <wim@linux-watchdog.org>\n",
            // As mail-archive.com prints it: masked, and no unmasked address of his anywhere in the archive.
            "From: Guenter Roeck <linux@xxxxxxxxxxxx>\nTo: Ada Lovelace <ada@xxxxxxxxxxx>\n"
                    + "Subject: Re: [PATCH v2 3/3] watchdog: foo: mention the shutdown stop in Kconfig\n"
                    + "Date: Thu, 12 Nov 2026 09:00:00 +0000\nMessage-ID: <" + MASKED_TEST + ">\nIn-Reply-To: <" + V2_P3 + ">\n"
                    + "References: <" + V2_COVER + "> <" + V2_P3 + ">\nList-Id: <linux-watchdog.vger.kernel.org>\n\n"
                    + "Tested-by: Guenter Roeck <linux@xxxxxxxxxxxx>\n");

    VersionedArchive(Path dir) throws IOException {
        served = ServedArchive.of(dir, ServedArchive.on("linux-watchdog", MAILS.toArray(String[]::new)));
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
