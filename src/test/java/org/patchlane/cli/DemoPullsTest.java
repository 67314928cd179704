package org.patchlane.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's pull requests right after {@code demo --no-serve}: fetched from the mirror its configuration maps the
 * mails' git.kernel.org URLs to, and every check passing for one request and failing for another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPullsTest {
    static final String MLX5 = "20261124071530.118044-1-saeed@kernel.org";
    static final String IRDMA = "20261128090500.4021-1-jacek.wierzbicki@intel.com";
    static final String HNS = "20261128112000.3310452-1-huangjunxian6@hisilicon.com";
    static final String HNS3 = "20261130011200.2960331-1-chenwei172@huawei.com";
    /** Leon's request of Michael's series, posted and reviewed on the list. */
    static final String UMR = "20261126090500.GP41260@unreal";

    Path data;
    JsonNode pulls;

    @BeforeAll
    void demo(@TempDir Path dir) throws Exception {
        data = CliRun.demo(dir);
        CliRun r = CliRun.of("pulls", "--json", "--data", data.toString());
        assertEquals(1, r.code(), "three of the five are not clean: " + r.err());
        pulls = new ObjectMapper().readTree(r.out());
    }

    @Test
    void everyCheckPassesForOneRequestAndFailsForAnother() {
        assertEquals("linux", pulls.get("repository").asText());
        Map<String, Set<String>> verdicts = new HashMap<>();
        Map<String, Boolean> clean = new HashMap<>();
        for (JsonNode p : pulls.get("pulls")) {
            clean.put(p.get("messageId").asText(), p.get("clean").asBoolean());
            for (JsonNode c : p.get("checks"))
                verdicts.computeIfAbsent(c.get("name").asText(), k -> new TreeSet<>()).add(c.get("verdict").asText());
        }
        assertEquals(Map.of(MLX5, true, UMR, true, IRDMA, false, HNS, false, HNS3, false), clean);
        for (String check : List.of("pr-base", "pr-head", "pr-range", "pr-paths", "pr-uapi", "pr-cutoff", "pr-merge"))
            assertEquals(Set.of("pass", "fail"), verdicts.get(check), check);
        assertEquals(Set.of("pass", "fail", "n/a"), verdicts.get("pr-series"),
                "UMR and hns carry a posted series; the others' commits were never posted");
    }

    @Test
    void aPostedSeriesPassesWithItsTrailersAndFailsNamingThePatchThatLostOne() {
        assertEquals("pass", check(UMR, "pr-series").get("verdict").asText());
        String pass = check(UMR, "pr-series").get("evidence").get(0).asText();
        assertTrue(pass.matches("2 commits are the patches of series [0-9a-f]{12} v1, with every trailer given on the "
                + "list"), pass);
        JsonNode fail = check(HNS, "pr-series");
        assertEquals("fail", fail.get("verdict").asText());
        assertEquals(1, fail.get("evidence").size(), fail.toString());
        String why = fail.get("evidence").get(0).asText();
        assertTrue(why.contains("(RDMA/hns: Serialize the reset notification with the bond work) lost \"Reviewed-by: "
                + "Leon Romanovsky <leon@kernel.org>\""), why);
        assertTrue(why.contains("20261125104000.2871405-2-huangjunxian6@hisilicon.com"), "the posted patch: " + why);
        assertEquals("n/a", check(MLX5, "pr-series").get("verdict").asText());
    }

    private JsonNode check(String id, String name) {
        for (JsonNode p : pulls.get("pulls"))
            if (p.get("messageId").asText().equals(id))
                for (JsonNode c : p.get("checks")) if (c.get("name").asText().equals(name)) return c;
        throw new AssertionError(id + " has no " + name);
    }

    @Test
    void eachUncleanRequestFailsForItsReason() {
        assertEquals(Set.of("pr-paths", "pr-uapi"), failed(IRDMA));
        assertEquals(Set.of("pr-merge", "pr-series"), failed(HNS));
        assertEquals(Set.of("pr-base", "pr-head", "pr-range", "pr-cutoff"), failed(HNS3));
        assertEquals(Set.of(), failed(MLX5));
        assertEquals(Set.of(), failed(UMR));
    }

    private Set<String> failed(String id) {
        Set<String> out = new TreeSet<>();
        for (JsonNode p : pulls.get("pulls"))
            if (p.get("messageId").asText().equals(id))
                for (JsonNode c : p.get("checks")) if (c.get("verdict").asText().equals("fail")) out.add(c.get("name").asText());
        return out;
    }

    @Test
    void theVolatileForNextNamesTheConflictingPair() {
        JsonNode next = pulls.get("forNext");
        assertEquals(List.of(MLX5, UMR, IRDMA, HNS), new ObjectMapper().convertValue(next.get("merged"), List.class));
        assertEquals(1, next.get("conflicts").size());
        JsonNode c = next.get("conflicts").get(0);
        assertEquals(HNS3, c.get("a").asText());
        assertEquals(HNS, c.get("b").asText());
        assertEquals("[\"drivers/infiniband/hw/hns/hns_roce_main.c\"]", c.get("files").toString());
    }

    @Test
    void fetchAgainNeedsNoNetwork() throws Exception {
        CliRun r = CliRun.of("fetch", "--json", "--data", data.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode f = new ObjectMapper().readTree(r.out());
        assertEquals(5, f.get("pulls").size());
        for (JsonNode p : f.get("pulls")) {
            assertTrue(p.get("url").asText().startsWith("https://git.kernel.org/"), "the mail's URL is reported");
            assertTrue(p.get("error").isNull(), p.toString());
            assertFalse(p.get("commit").isNull());
        }
    }
}
