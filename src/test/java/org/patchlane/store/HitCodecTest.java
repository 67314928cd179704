package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;

/** The doc values a search hit is read from: their bytes, the cut of the text, and what a message document holds. */
class HitCodecTest {
    @Test
    void roundTrips() {
        String big = "x".repeat(Snippets.MAX_ANALYZED);
        List<HitSource> cases = List.of(
                new HitSource("a@b", "[PATCH] x", new Address("Ann", "ann@example.org"), MessageKind.PATCH,
                        "linux-rdma", "The frobnicator leaks.\n\nSigned-off-by: Ann <ann@example.org>\n"),
                new HitSource("", "", new Address("", ""), MessageKind.OTHER, "", ""),
                new HitSource("20261116-v3-1-2b7e@nvidia.com", "Re: [PATCH v3 1/4] RDMA/core: héllo wörld ✓",
                        new Address("Jörg Rödel", "joro@8bytes.org"), MessageKind.REPLY, "netdev",
                        "> quoted\nemoji 😀 and CJK 漢字\ttab\r\n"),
                new HitSource("pull@x", "[GIT PULL] rdma", new Address("Leon", "leon@kernel.org"), MessageKind.PULL,
                        "linux-rdma", big),
                new HitSource("<script>@x", "<script>alert(1)</script>", new Address("\"><img>", "a@b"),
                        MessageKind.COVER, "l", "javascript:alert(1)"));
        for (HitSource h : cases) assertEquals(h, HitCodec.decode(new BytesRef(HitCodec.encode(h))), h.messageId());
    }

    @Test
    void decodesFromTheMiddleOfABuffer() {
        HitSource h = new HitSource("m@x", "s", new Address("n", "e@x"), MessageKind.PATCH, "l", "text");
        byte[] bytes = HitCodec.encode(h);
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        assertEquals(h, HitCodec.decode(new BytesRef(padded, 3, bytes.length)));
    }

    /** The text is cut where the highlighter cuts it, keeping a surrogate pair whole. */
    @Test
    void cutsAtTheAnalysedLengthKeepingSurrogatePairs() {
        record Case(String text, int max, String expected) {
        }
        List<Case> cases = List.of(
                new Case("", 5, ""),
                new Case("abc", 5, "abc"),
                new Case("abcde", 5, "abcde"),
                new Case("abcdef", 5, "abcde"),
                new Case("abcd😀f", 5, "abcd😀"),
                new Case("abc😀f", 5, "abc😀"),
                new Case("ab😀😀", 4, "ab😀"),
                new Case("a\nb\nc\nd", 3, "a\nb"));
        for (Case c : cases) assertEquals(c.expected(), HitSource.cut(c.text(), c.max()), c.text());
    }

    @Test
    void aMessageDocumentCarriesItsHit() {
        String own = "word ".repeat(Snippets.MAX_ANALYZED / 5) + "beyond the cut";
        StoredMessage m = TestMessage.mail("patch1@example.org").kind(MessageKind.PATCH)
                .subject("[PATCH] RDMA/mlx5: fix").from("Leon Romanovsky", "leon@kernel.org").own(own)
                .quoted("> quoted lines are not snippet text").list("linux-rdma").build();
        Document doc = MessageDocument.build(m, MessageDocument.uid(m), false);
        IndexableField f = doc.getField(Schema.HIT.name());
        HitSource hit = HitCodec.decode(f.binaryValue());
        assertEquals(new HitSource("patch1@example.org", "[PATCH] RDMA/mlx5: fix",
                new Address("Leon Romanovsky", "leon@kernel.org"), MessageKind.PATCH, "linux-rdma",
                own.substring(0, Snippets.MAX_ANALYZED)), hit);
    }
}
