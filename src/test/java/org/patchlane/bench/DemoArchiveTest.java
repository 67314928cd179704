package org.patchlane.bench;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.patchlane.mail.MailParser;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Markers;
import org.patchlane.patch.PatchAnalyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in demo archive: valid mail, consistent diffs, and the story its README promises. */
class DemoArchiveTest {
    private static final String CHANGE_ID = "change-id: 20261102-aux-lifetime-3f1c2a9b7d10";
    private static final String V1 = "<20261102-aux-lifetime-v1-0-5a1e3c7f9b2d@nvidia.com>";
    private static final String V2 = "<20261109-aux-lifetime-v2-0-8c4d2e1f7a90@nvidia.com>";
    private static final String V3 = "<20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com>";
    private static final String HNS_1 = "<20261126082000.1905711-1-chenwei172@huawei.com>";
    private static final String BOND_1 = "<20261127113005.2417936-1-huangjunxian6@hisilicon.com>";
    private static final String BOND_2 = "<20261127113005.2417936-2-huangjunxian6@hisilicon.com>";

    /** One demo message, parsed. */
    record Msg(MboxFixture.Entry entry, MimeMessage mime, String subject, String id, String text) {
        String header(String name) throws Exception {
            return mime.getHeader(name, null);
        }

        long time() {
            try {
                return mime.getSentDate().getTime();
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }

        boolean is(String type) {
            try {
                return mime.isMimeType(type);
            } catch (jakarta.mail.MessagingException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static final List<Msg> MSGS = new ArrayList<>();
    private static final Map<String, Msg> BY_SUBJECT = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws Exception {
        byte[] mbox;
        try (InputStream in = DemoArchiveTest.class.getResourceAsStream("/demo/linux-rdma.mbox")) {
            assertNotNull(in, "demo archive on the classpath");
            mbox = in.readAllBytes();
        }
        for (MboxFixture.Entry e : MboxFixture.split(mbox)) {
            MimeMessage m = e.parse();
            String text = String.join("\n", MboxFixture.texts(m));
            Msg msg = new Msg(e, m, m.getSubject(), m.getMessageID(), text);
            MSGS.add(msg);
            BY_SUBJECT.putIfAbsent(msg.subject(), msg);
        }
    }

    private static Msg first(String subject) {
        Msg m = BY_SUBJECT.get(subject);
        assertNotNull(m, "no message with subject " + subject);
        return m;
    }

    private static Msg byId(String id) {
        return MSGS.stream().filter(m -> id.equals(m.id())).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    /** The diff part of a patch mail: from the first {@code diff --git} to the signature. */
    private static String diffOf(Msg m) {
        String t = m.text();
        int at = t.indexOf("diff --git ");
        int end = t.lastIndexOf("\n-- \n");
        return t.substring(at, end < at ? t.length() : end);
    }

    @Test
    void everyMessageIsValidNovember2026LinuxRdmaMail() throws Exception {
        assertTrue(MSGS.size() >= 50 && MSGS.size() <= 98, "size " + MSGS.size());
        Set<String> ids = new HashSet<>();
        List<String> twice = new ArrayList<>();
        int noId = 0;
        for (Msg m : MSGS) {
            assertTrue(m.entry().separator().matches("From \\S+@\\S+ \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d 2026"),
                    m.entry().separator());
            if (!"<linux-rdma.vger.kernel.org>".equals(m.header("List-Id"))) {
                assertEquals("<netdev.vger.kernel.org>", m.header("List-Id"), m.subject());
                assertEquals(HNS_1, m.id(), "only the netdev copy of the cross-posted hns patch");
            }
            LocalDate d = m.mime().getSentDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
            assertEquals(2026, d.getYear());
            assertEquals(11, d.getMonthValue());
            assertFalse(m.text().isBlank(), m.subject());
            if (m.id() == null) {
                noId++;
            } else if (!ids.add(m.id())) {
                twice.add(m.id());
            }
        }
        assertEquals(1, noId, "exactly one mail without a Message-ID");
        assertEquals(List.of(HNS_1), twice, "one Message-ID twice: the same mail received on two lists");
    }

    @Test
    void everyDiffIsConsistent() {
        DiffCheck check = new DiffCheck();
        for (Msg m : MSGS) {
            check.check(m.text(), m.subject());
        }
        assertEquals(List.of(), check.problems);
        assertTrue(check.hunks >= 25, "hunks checked: " + check.hunks);
    }

    @Test
    void theCheckerCatchesAWrongHunkCount() {
        DiffCheck check = new DiffCheck();
        check.check("diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n+d\n c\n", "bad");
        assertEquals(1, check.problems.size(), check.problems.toString());
    }

    @Test
    void infrastructureVersionsShareChangeIdAndChainThreads() throws Exception {
        for (String cover : List.of(V1, V2, V3)) {
            String t = byId(cover).text();
            String footer = t.substring(t.lastIndexOf("\n---\n"));
            assertTrue(footer.contains(CHANGE_ID), cover);
            assertTrue(footer.matches("(?s).*\nbase-commit: [0-9a-f]{40}\n.*"), cover);
        }
        assertNull(byId(V1).header("In-Reply-To"));
        assertNull(byId(V2).header("In-Reply-To"), "v2 starts a new thread");
        assertEquals(V2, byId(V3).header("In-Reply-To"), "v3 is posted in reply to the v2 cover");
        for (Msg m : MSGS) {
            if (m.subject().matches("\\[PATCH( v[23])? [1-4]/4\\] .*")) {
                String cover = m.subject().contains("v3") ? V3 : m.subject().contains("v2") ? V2 : V1;
                if (!m.id().startsWith("<20261104-")) {
                    assertEquals(cover, m.header("In-Reply-To"), m.subject());
                }
            }
        }
    }

    @ParameterizedTest(name = "patch {0}: v1=v2 {1}, v2=v3 {2}")
    @CsvSource({"1, true, true", "2, false, false", "3, false, true", "4, false, false"})
    void unchangedPatchesHaveIdenticalDiffs(int k, boolean v1v2, boolean v2v3) {
        String d1 = diffOf(byId(V1.replace("-0-", "-" + k + "-")));
        String d2 = diffOf(byId(V2.replace("-0-", "-" + k + "-")));
        String d3 = diffOf(byId(V3.replace("-0-", "-" + k + "-")));
        assertEquals(v1v2, d1.equals(d2));
        assertEquals(v2v3, d2.equals(d3));
    }

    @Test
    void singlePatchRerollRepliesToItsV1AndMatchesV2() throws Exception {
        Msg reroll = byId("<20261104-aux-lifetime-v2-3-91c0d2e4a6f8@nvidia.com>");
        assertTrue(reroll.subject().startsWith("[PATCH v2 3/4] "));
        assertEquals("<20261102-aux-lifetime-v1-3-5a1e3c7f9b2d@nvidia.com>", reroll.header("In-Reply-To"));
        assertEquals(diffOf(byId(V2.replace("-0-", "-3-"))), diffOf(reroll));
    }

    @Test
    void infrastructureExportsAndDriverUsersLineUp() {
        String v3 = MSGS.stream().filter(m -> m.subject().startsWith("[PATCH v3 ")).map(Msg::text)
                .reduce("", String::concat);
        for (String symbol : List.of("auxiliary_device_get", "auxiliary_device_put", "auxiliary_device_destroy")) {
            assertTrue(v3.contains("+EXPORT_SYMBOL_GPL(" + symbol + ");"), symbol);
        }
        assertTrue(v3.contains("+++ b/include/linux/auxiliary_bus.h"));
        Msg mlx5 = first("[PATCH rdma-next 0/2] mlx5: use the auxiliary device lifetime helpers");
        assertEquals(V3, header(mlx5, "In-Reply-To"), "the mlx5 user is posted in the v3 thread");
        assertTrue(first("[PATCH rdma-next 1/2] RDMA/mlx5: hold the auxiliary device across the event work").text()
                .contains("+\twork->adev = auxiliary_device_get(work->dev->adev);"));
        Msg irdma = first("[PATCH rdma-next 0/3] RDMA/irdma: use the auxiliary device lifetime helpers");
        assertNull(header(irdma, "In-Reply-To"), "irdma starts its own thread");
        assertTrue(irdma.text().contains("prerequisite-message-id: " + V3));
        assertTrue(irdma.text().contains("https://lore.kernel.org/linux-rdma/" + V3.substring(1, V3.length() - 1) + "/"));
        long days = (irdma.time() - byId(V3).time()) / 86_400_000L;
        assertEquals(7, days, "posted a week after the infrastructure");
    }

    /** The project's own analysis of a demo message (symbols, markers, dependency references). */
    private static Analysis analysis(Msg m) {
        return PatchAnalyzer.analyze(MailParser.parse(m.entry().bytes(), null, false));
    }

    /** The symbols the patches of one infrastructure version ("", "v2 ", "v3 ") define, in message order. */
    private static Set<String> definedBy(String version, int patch) {
        Set<String> out = new TreeSet<>();
        for (Msg m : MSGS) {
            if (m.subject().startsWith("[PATCH " + version + patch + "/4] ") && m.text().contains("diff --git ")) {
                out.addAll(analysis(m).symbols().defined());
            }
        }
        return out;
    }

    @Test
    void theHnsBondSeriesIsLinkedOnlyBySymbolsToV2AndOutsideTheWindow() throws Exception {
        Msg p1 = byId(BOND_1);
        Msg p2 = byId(BOND_2);
        assertTrue(p1.subject().startsWith("[PATCH rdma-next 1/2] RDMA/hns: "), p1.subject());
        assertTrue(p2.subject().startsWith("[PATCH rdma-next 2/2] RDMA/hns: "), p2.subject());
        assertNull(p1.header("In-Reply-To"), "its own thread, no cover");
        assertEquals(BOND_1, p2.header("In-Reply-To"), "2/2 threaded under 1/2");
        Set<String> aux = new HashSet<>();
        for (String v : List.of(V1, V2, V3)) {
            aux.add(v);
            for (int k = 1; k <= 4; k++) aux.add(v.replace("-0-", "-" + k + "-"));
        }
        Set<String> v3 = new TreeSet<>();
        Set<String> v3Exports = new TreeSet<>();
        for (int k = 1; k <= 4; k++) {
            v3.addAll(definedBy("v3 ", k));
        }
        for (Msg m : MSGS) {
            if (m.subject().startsWith("[PATCH v3 ")) v3Exports.addAll(analysis(m).exports());
        }
        Set<String> used = new TreeSet<>();
        for (Msg m : List.of(p1, p2)) {
            Analysis a = analysis(m);
            assertEquals(Markers.NONE, a.markers(), "no base-commit, change-id or prerequisite marker");
            assertEquals(List.of(), a.dependencies(), "no Depends-on, Link, lore URL or dependency prose");
            assertEquals(List.of(), a.exports());
            assertEquals(Set.of(), a.symbols().defined(), "a driver series: .c files only, no API of its own");
            for (String path : a.diff().files().stream().map(f -> f.path()).toList()) {
                assertTrue(path.startsWith("drivers/infiniband/hw/hns/") && path.endsWith(".c"), path);
            }
            assertFalse(m.text().toLowerCase(java.util.Locale.ROOT).contains("lore.kernel.org"));
            String refs = header(m, "References");
            for (String id : aux) assertFalse(refs != null && refs.contains(id), "not in the infrastructure's thread");
            long days = (m.time() - byId(V3).time()) / 86_400_000L;
            assertEquals(11, days, "11 days after v3: outside the 7-day window");
            used.addAll(a.symbols().used());
        }
        // The symbols that link it: devm_auxiliary_device_add() (v1's function, v2's macro, gone in v3) and the
        // get/put pair of 1/4, which every version has.
        assertTrue(used.contains("devm_auxiliary_device_add"), used.toString());
        assertTrue(used.contains("auxiliary_device_get") && used.contains("auxiliary_device_put"), used.toString());
        assertFalse(used.contains("auxiliary_device_destroy"), "built on v2: it does not know v3's helper");
        assertTrue(definedBy("v2 ", 2).containsAll(Set.of("devm_auxiliary_device_add", "__devm_auxiliary_device_add")),
                definedBy("v2 ", 2).toString());
        assertTrue(definedBy("", 2).contains("devm_auxiliary_device_add"), "v1 declared it as a function");
        assertFalse(v3.contains("devm_auxiliary_device_add"), "v3 replaced it: " + v3);
        assertTrue(definedBy("v3 ", 1).containsAll(Set.of("auxiliary_device_get", "auxiliary_device_put")));
        assertEquals(Set.of("auxiliary_device_destroy", "auxiliary_device_get", "auxiliary_device_is_bound",
                "auxiliary_device_put"), v3Exports);
        // Leon's reply says so in prose: no trailer, no marker.
        Msg leon = MSGS.stream().filter(m -> BOND_1.equals(header(m, "In-Reply-To"))
                && sender(m).equals("leon@kernel.org")).findFirst().orElseThrow();
        assertEquals("<20261128081240.GM41260@unreal>", leon.id());
        Analysis la = analysis(leon);
        assertTrue(la.trailers().stream().allMatch(t -> t.quoted()), la.trailers().toString());
        assertEquals(List.of(), la.dependencies());
        assertTrue(leon.text().contains("There is no devm_auxiliary_device_add() any more."));
        assertTrue(leon.text().contains("Please rebase both patches to v3 and resend"));
    }

    @Test
    void oneV3ExportHasNoUserAndNeitherHasV2sInnerExport() {
        // Which exports of the infrastructure the driver series' added code calls (mlx5, irdma, hns bond).
        Set<String> exports = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (Msg m : MSGS) {
            if (!m.text().contains("diff --git ") || m.subject().startsWith("Re:")) continue;
            Analysis a = analysis(m);
            if (m.subject().matches("\\[PATCH( v[23])? [1-4]/4\\] .*")) exports.addAll(a.exports());
            else used.addAll(a.symbols().used());
        }
        assertEquals(Set.of("__devm_auxiliary_device_add", "auxiliary_device_destroy", "auxiliary_device_get",
                "auxiliary_device_is_bound", "auxiliary_device_put", "devm_auxiliary_device_add"), exports);
        Set<String> unused = new TreeSet<>(exports);
        unused.removeAll(used);
        // v3 exports auxiliary_device_is_bound() "while at it", and no driver calls it: the exports check names it.
        assertEquals(Set.of("__devm_auxiliary_device_add", "auxiliary_device_is_bound"), unused,
                "users call v2's devm_auxiliary_device_add() macro, never the function it wraps");
    }

    private static String header(Msg m, String name) {
        try {
            return m.header(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Each row: a message (by subject and sender), and a line its own (unquoted) text must hold, or a quoted one. */
    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource(delimiterString = " | ", value = {
        "Re: [PATCH 3/4] driver core: auxiliary: clear the driver data when unbinding | jgg@nvidia.com | Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>",
        "Re: [PATCH v2 0/4] driver core: add auxiliary device lifetime helpers | dakr@kernel.org | Reviewed-by: Danilo Krummrich <dakr@kernel.org>",
        "Re: [PATCH v2 1/4] driver core: auxiliary: add auxiliary_device_get() and auxiliary_device_put() | pnatarajan@redhat.com | Tested-by: Priya Natarajan <pnatarajan@redhat.com>",
        "Re: [PATCH v2 1/4] driver core: auxiliary: add auxiliary_device_get() and auxiliary_device_put() | juergen.weiss@suse.de | > Reviewed-by: Danilo Krummrich <dakr@kernel.org>",
        "Re: [PATCH v2 1/4] driver core: auxiliary: add auxiliary_device_get() and auxiliary_device_put() | juergen.weiss@suse.de | > Tested-by: Priya Natarajan <pnatarajan@redhat.com>",
        "Re: [PATCH v2 2/4] driver core: auxiliary: add devm_auxiliary_device_add() | gregkh@linuxfoundation.org | NACK",
        "Re: [PATCH v3 0/4] driver core: add auxiliary device lifetime helpers | leon@kernel.org | Acked-by: Leon Romanovsky <leon@kernel.org>",
        "Re: [PATCH v3 0/4] driver core: add auxiliary device lifetime helpers | leon@kernel.org | The documentation patch is Greg's call; for patches 1-3:",
        "Re: [PATCH v3 0/4] driver core: add auxiliary device lifetime helpers | jgg@nvidia.com | Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>",
        "Re: [PATCH v3 0/4] driver core: add auxiliary device lifetime helpers | rafael@kernel.org | From: Jason Gunthorpe <jgg@xxxxxxxxxx>",
        "Re: [PATCH v3 0/4] driver core: add auxiliary device lifetime helpers | rafael@kernel.org | Reviewed-by: Rafael J. Wysocki <rafael@kernel.org>",
        "Re: [PATCH rdma-next 0/2] mlx5: use the auxiliary device lifetime helpers | saeed@kernel.org | Acked-by: Saeed Mahameed <saeed@kernel.org> # for the mlx5 part",
        "Re: [PATCH rdma-next 1/2] RDMA/mlx5: hold the auxiliary device across the event work | jgg@nvidia.com | Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>",
        "Re: [PATCH v3 2/4] driver core: auxiliary: add auxiliary_device_destroy() | gregkh@linuxfoundation.org | Acked-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>",
        "Re: [PATCH v3 3/4] driver core: auxiliary: clear the driver data when unbinding | pnatarajan@redhat.com | Tested-by: Priya Natarajan <pnatarajan@redhat.com>",
        "Re: [PATCH rdma-next 0/3] RDMA/irdma: use the auxiliary device lifetime helpers | jgg@nvidia.com | Acked-by: Jason Gunthorpe <jgg@nvidia.com>",
        "Re: [PATCH 2/4] driver core: auxiliary: add devm_auxiliary_device_add() | lkp@intel.com | | Reported-by: kernel test robot <lkp@intel.com>",
        "[PATCH 3/4] driver core: auxiliary: clear the driver data when unbinding | noaa@nvidia.com | Fixes: 7b3c1e5d92af (\"driver core: auxiliary bus: add auxiliary_{get,set}_drvdata() helpers\")",
        "[PATCH rdma-next 1/2] RDMA/mlx5: hold the auxiliary device across the event work | leon@kernel.org | From: Shira Levi <shiral@nvidia.com>",
        "[PATCH rdma-next 2/2] net/mlx5: use auxiliary_device_destroy() when deleting an adev | leon@kernel.org | From: Shira Levi <shiral@nvidia.com>",
        "[PATCH rdma-next 1/3] RDMA/rxe: clear mr->umem when filling the pages fails | lbrenner@ionos.com | Fixes: 8700e3e7c485",
        "[PATCH rdma-next 3/3] RDMA/rxe: free the page list before releasing the mr | lbrenner@ionos.com | Co-developed-by: Mateusz Nowak <mnowak@ionos.com>",
        "[PATCH rdma-next v1.1 2/3] RDMA/irdma: drop the auxiliary device reference in irdma_remove() | jacek.wierzbicki@intel.com | Signed-off-by: Jacek Wierzbicki <jacek.wierzbicki@intel.com>",
        "Re: [PATCH rdma-next 1/3] RDMA/rxe: clear mr->umem when filling the pages fails | yanjun.zhu@linux.dev | Reviewed-by: Zhu Yanjun <yanjun.zhu@linux.dev>",
        "[PATCH for-next 1/2] net: hns3: add a reset reference to the client handle | chenwei172@huawei.com | Signed-off-by: Junxian Huang <huangjunxian6@hisilicon.com>",
        "[PATCH rdma-next v2 0/3] RDMA/rxe: memory registration error path fixes | lbrenner@ionos.com | Supersedes: <20261125090211.48213-1-lbrenner@ionos.com>",
        "Re: [PATCH for-next 1/2] net: hns3: add a reset reference to the client handle | jgg@xxxxxxxxxx | Reviewed-by: Jason Gunthorpe <jgg@xxxxxxxxxx>",
        "Re: [PATCH rdma-next v2 0/3] RDMA/rxe: memory registration error path fixes | yanjun.zhu@linux.dev | Acked-by: Bob Pearson <rpearsonhpe@gmail.com>",
        "Re: [PATCH for-next v2] RDMA/hns: take the reset reference in the down notification | chenwei172@huawei.com | Supersedes: <20261126082000.1905711-2-chenwei172@huawei.com>",
        "Re: [PATCH rdma-next v2] RDMA/mlx5: Destroy the mkey when mlx5_ib_alloc_mw() fails late | michaelgur@nvidia.com | Reviewed-by: Michael Guralnik <michaelgur@nvidia.com>",
        "[PATCH rdma-next 1/2] RDMA/hns: add the bond auxiliary device with devm_auxiliary_device_add() | huangjunxian6@hisilicon.com | Signed-off-by: Junxian Huang <huangjunxian6@hisilicon.com>",
        "Re: [PATCH rdma-next 1/2] RDMA/hns: add the bond auxiliary device with devm_auxiliary_device_add() | leon@kernel.org | There is no devm_auxiliary_device_add() any more. It was in v2 of Noa's",
    })
    void storyLinesAreWhereTheReadmeSays(String subject, String sender, String line) throws Exception {
        Msg m = MSGS.stream().filter(x -> x.subject().equals(subject) && sender(x).equals(sender)
                && List.of(x.text().split("\n")).contains(line)).findFirst().orElse(null);
        assertNotNull(m, "no '" + line + "' in " + subject + " from " + sender);
    }

    private static String sender(Msg m) {
        try {
            return ((InternetAddress) m.mime().getFrom()[0]).getAddress();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void replyToAReplyCarriesGregsAck() throws Exception {
        Msg ack = MSGS.stream().filter(m -> m.text().contains("\nAcked-by: Greg Kroah-Hartman")).findFirst().orElseThrow();
        Msg parent = byId(ack.header("In-Reply-To"));
        Msg grand = byId(parent.header("In-Reply-To"));
        assertEquals(V3.replace("-0-", "-2-"), grand.header("In-Reply-To"));
    }

    @Test
    void newMailThreadsAsTheReadmeSays() throws Exception {
        String rxe1 = "<20261125090211.48213-1-lbrenner@ionos.com>";
        String rxe3 = "<20261125090211.48213-3-lbrenner@ionos.com>";
        assertNull(byId(rxe1).header("In-Reply-To"), "rxe v1 is not threaded");
        assertNull(byId(rxe3).header("In-Reply-To"));
        assertTrue(MSGS.stream().noneMatch(m -> "<20261125090211.48213-2-lbrenner@ionos.com>".equals(m.id())),
                "rxe v1 2/3 never reached the list");
        for (Msg m : MSGS) {
            if (m.subject().startsWith("[PATCH for-next ") && m.subject().matches(".* [23]/2\\] .*")
                    && m.id().startsWith("<20261126082000.1905711-")) {
                assertEquals(HNS_1, m.header("In-Reply-To"), "hns patches are threaded under 1/2, no cover");
            }
        }
        Msg reroll = first("[PATCH rdma-next v1.1 2/3] RDMA/irdma: drop the auxiliary device reference in irdma_remove()");
        assertEquals("<20261123104501.2291-3-jacek.wierzbicki@intel.com>", reroll.header("In-Reply-To"));
        assertEquals(diffOf(first("[PATCH rdma-next 2/3] RDMA/irdma: drop the auxiliary device reference in irdma_remove()")),
                diffOf(reroll), "only the sign-off changed");
        Msg headerless = first("Re: [PATCH rdma-next v2] RDMA/mlx5: Destroy the mkey when mlx5_ib_alloc_mw() fails late");
        assertNull(headerless.header("In-Reply-To"));
        assertNull(headerless.header("References"));
        Msg inline = first("[PATCH rdma-next v2] RDMA/mlx5: Destroy the mkey when mlx5_ib_alloc_mw() fails late");
        assertNull(inline.header("In-Reply-To"), "v2 of the attached patch: a new thread, no change-id");
        assertFalse(inline.text().contains("change-id:"));
        assertEquals(diffOf(first("[PATCH rdma-next] RDMA/mlx5: destroy the mkey when mlx5_ib_alloc_mw() fails late")),
                diffOf(inline));
        List<Msg> copies = MSGS.stream().filter(m -> HNS_1.equals(m.id())).toList();
        assertEquals(2, copies.size());
        assertEquals(copies.get(0).text(), copies.get(1).text(), "the same mail, received on two lists");
    }

    @Test
    void signOffChains() {
        String v2p2 = byId(V2.replace("-0-", "-2-")).text();
        assertTrue(v2p2.contains("Co-developed-by: Elad Barkan <ebarkan@nvidia.com>\n"
                + "Signed-off-by: Elad Barkan <ebarkan@nvidia.com>\nSigned-off-by: Noa Ashkenazi <noaa@nvidia.com>\n---"));
        String irdma2 = first("[PATCH rdma-next 2/3] RDMA/irdma: drop the auxiliary device reference in irdma_remove()").text();
        assertFalse(irdma2.contains("Signed-off-by: Jacek Wierzbicki"), "the author's sign-off is missing");
        assertTrue(irdma2.contains("Signed-off-by: Marta Zielinska"));
    }

    @Test
    void pullRequestIsInRequestPullFormatAndTouchesOnlyMlx5() {
        String t = first("[GIT PULL] mlx5 driver updates for 6.21").text();
        assertTrue(t.matches("(?s).*The following changes since commit [0-9a-f]{40}:\n\n  Linux 6\\.20-rc4 \\(2026-11-15 "
                + "14:02:11 -0800\\)\n\nare available in the Git repository at:\n\n  https://git\\.kernel\\.org/pub/scm/linux/"
                + "kernel/git/mellanox/linux\\.git tags/mlx5-ib-updates-2026-11-23\n\nfor you to fetch changes up to "
                + "[0-9a-f]{40}:\n\n  .+ \\(2026-11-23 17:40:02 \\+0200\\)\n\n-{64}\n.+\n-{64}\n.*"), t);
        List<String> stat = t.lines().filter(l -> l.contains(" | ")).toList();
        assertEquals(5, stat.size());
        stat.forEach(l -> assertTrue(l.startsWith(" drivers/infiniband/hw/mlx5/"), l));
        assertTrue(t.contains(" 5 files changed, 70 insertions(+), 26 deletions(-)"));
        assertNotNull(first("Re: [GIT PULL] mlx5 driver updates for 6.21"));
    }

    @Test
    void mimeQuirksAreAllPresent() throws Exception {
        Msg html = MSGS.stream().filter(m -> m.is("text/html")).findFirst().orElseThrow();
        assertTrue(html.subject().startsWith("RE: "));
        Msg latin = MSGS.stream().filter(m -> m.subject().startsWith("Re: [PATCH v2 4/4]")).findFirst().orElseThrow();
        assertEquals("text/plain; charset=utf-8", latin.header("Content-Type"));
        byte[] raw = latin.entry().bytes();
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)),
                "declared utf-8, written latin-1");
        Msg encoded = MSGS.stream().filter(m -> header(m, "From").startsWith("=?ISO-8859-1?Q?J=FCrgen")).findFirst()
                .orElseThrow();
        assertEquals("Jürgen Weiß", ((InternetAddress) encoded.mime().getFrom()[0]).getPersonal());
        assertTrue(header(encoded, "Subject").startsWith("=?UTF-8?Q?"));
        assertEquals(1, MSGS.stream().filter(m -> "quoted-printable".equals(header(m, "Content-Transfer-Encoding"))
                && m.is("text/plain")).count());
        assertEquals(1, MSGS.stream().filter(m -> "base64".equals(header(m, "Content-Transfer-Encoding"))).count());
        Msg attach = first("[PATCH rdma-next] RDMA/mlx5: destroy the mkey when mlx5_ib_alloc_mw() fails late");
        assertTrue(attach.mime().isMimeType("multipart/mixed"));
        assertTrue(attach.text().contains("\ndiff --git a/drivers/infiniband/hw/mlx5/mr.c b/drivers/infiniband/hw/mlx5/mr.c\n"));
        assertTrue(new String(attach.entry().bytes(), StandardCharsets.UTF_8).contains("\nFrom 9e4c2b1a"),
                "the format-patch From line is unescaped on reading");
        assertNotNull(first("[PATCH RESEND rdma-next] RDMA/core: fix a typo in the ib_device_rename() kernel-doc"));
        assertNotEquals(0, MSGS.stream().filter(m -> m.id() == null && m.subject().startsWith("Re: irdma")).count());
    }
}
