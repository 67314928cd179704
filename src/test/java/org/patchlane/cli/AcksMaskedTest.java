package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acks} of a patch reviewed through an archive that masks addresses (fixture {@code cli/crosspost.mbox}):
 * Jason's address is resolved from the mail he sent, Junxian's from the patch's Cc, Zhu Yanjun's from nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcksMaskedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    Path data;

    @BeforeAll
    void ingest(@TempDir Path dir) throws IOException {
        data = dir.resolve("data");
        Path mbox = dir.resolve("crosspost.mbox");
        try (InputStream in = getClass().getResourceAsStream("/cli/crosspost.mbox")) {
            Files.copy(in, mbox);
        }
        assertEquals(0, CliRun.of("ingest", "--data", data.toString(), mbox.toString()).code());
    }

    @Test
    void mboxWritesResolvedAddressesAndWarnsAboutTheRest() {
        CliRun r = CliRun.of("acks", "--data", data.toString(), "--mbox", "-", ShowCopiesTest.PATCH);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\nReviewed-by: Jason Gunthorpe <jgg@nvidia.com>\n"), r.out());
        assertTrue(r.out().contains("\nAcked-by: Junxian Huang <huangjunxian6@hisilicon.com>\n"), r.out());
        assertTrue(r.out().contains("\nTested-by: Zhu Yanjun <yanjun.zhu@xxxxxxxxx>\n"), r.out());
        assertFalse(r.out().contains("jgg@xxxxxxxxxx") || r.out().contains("huangjunxian6@xxxxxxxxxxxxx"), r.out());
        assertEquals("patchlane: warning: patch 1/1 is written with Tested-by: Zhu Yanjun <yanjun.zhu@xxxxxxxxx>: "
                + "the archive masked the address and no unmasked one of that person was found\n", r.err());
    }

    @Test
    void jsonAndTextMarkEachResolution() throws IOException {
        CliRun r = CliRun.of("acks", "--json", "--data", data.toString(), ShowCopiesTest.PATCH);
        assertEquals(0, r.code(), r.err());
        Map<String, JsonNode> byKind = new HashMap<>();
        for (JsonNode t : JSON.readTree(r.out()).get("versions").get(0).get("patches").get(0).get("trailers")) {
            byKind.put(t.get("kind").asText(), t);
        }
        assertEquals(JSON.readTree("""
                {"email": "jgg@nvidia.com", "emailSource": "resolved", "maskedEmail": "jgg@xxxxxxxxxx"}"""),
                pick(byKind.get("Reviewed-by")));
        assertEquals(JSON.readTree("""
                {"email": "huangjunxian6@hisilicon.com", "emailSource": "resolved",
                 "maskedEmail": "huangjunxian6@xxxxxxxxxxxxx"}"""), pick(byKind.get("Acked-by")));
        assertEquals(JSON.readTree("""
                {"email": "yanjun.zhu@xxxxxxxxx", "emailSource": "masked", "maskedEmail": "yanjun.zhu@xxxxxxxxx"}"""),
                pick(byKind.get("Tested-by")));
        assertEquals(JSON.readTree("""
                {"email": "huangjunxian6@hisilicon.com", "emailSource": "sent", "maskedEmail": null}"""),
                pick(byKind.get("Signed-off-by")));

        String text = CliRun.of("acks", "--data", data.toString(), ShowCopiesTest.PATCH).out();
        assertTrue(text.contains("Jason Gunthorpe <jgg@nvidia.com> (address resolved from jgg@xxxxxxxxxx)"), text);
        assertTrue(text.contains("Zhu Yanjun <yanjun.zhu@xxxxxxxxx> (address masked by the archive)"), text);
    }

    private static JsonNode pick(JsonNode trailer) {
        var out = JSON.createObjectNode();
        for (String f : new String[] {"email", "emailSource", "maskedEmail"}) out.set(f, trailer.get(f));
        return out;
    }
}
