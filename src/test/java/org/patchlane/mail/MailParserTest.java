package org.patchlane.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One fixture per case in src/test/resources/mail/, each checked for the fields it exists for. */
class MailParserTest {
    private static final Instant ENVELOPE = Instant.parse("2025-03-06T12:00:00Z");

    static byte[] fixture(String name) {
        try (InputStream in = MailParserTest.class.getResourceAsStream("/mail/" + name + ".eml")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mail parse(String name) {
        return MailParser.parse(fixture(name), ENVELOPE, false);
    }

    private static Arguments c(String fixture, Consumer<Mail> check) {
        return Arguments.of(fixture, check);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("plain", m -> {
                    assertEquals("20250304091500.1234-1-ada@example.org", m.messageId());
                    assertEquals(List.of("20250304091500.1234-0-ada@example.org"), m.inReplyTo());
                    assertEquals(List.of("20250304091500.1234-0-ada@example.org"), m.references());
                    assertEquals(new Address("Ada Lovelace", "ada@example.org"), m.from());
                    assertEquals(List.of(new Address("", "linux-rdma@vger.kernel.org"),
                            new Address("Doe, Jane", "jane@example.com")), m.to());
                    assertEquals(List.of(new Address("Bob", "bob@example.net")), m.cc());
                    assertEquals("linux-rdma.vger.kernel.org", m.listId());
                    assertEquals(Instant.parse("2025-03-04T09:15:00Z"), m.date());
                    assertEquals("[PATCH v2 1/3] RDMA/core: fix the widget refcount", m.subject());
                    assertTrue(m.body().text().startsWith("The widget refcount leaks when probe fails.\n"));
                    assertTrue(m.body().text().contains("\n \tint ret;\n-\tret = widget_get(w);\n"));
                    assertEquals(m.body().text(), m.body().own());
                    assertEquals(Set.of(), m.flags());
                }),
                c("crlf", m -> {
                    assertEquals("Re: [PATCH] net: fix déjà vu", m.subject());
                    assertEquals("Jörg Müller", m.from().name());
                    assertEquals("On Tue, Ada wrote:\n> The widget leaks.\n\nReviewed-by: Jörg Müller <joerg@example.de>\n",
                            m.body().text());
                    assertEquals("On Tue, Ada wrote:\n\nReviewed-by: Jörg Müller <joerg@example.de>\n", m.body().own());
                    assertEquals("> The widget leaks.\n", m.body().quoted());
                    assertEquals(Set.of(), m.flags());
                }),
                c("qp", m -> {
                    assertEquals("Café au lait, a very long line that is wrapped by the quoted-printable encoder and"
                            + " joined again.\nTested-by: Quentin <q@example.org>\n", m.body().text());
                    assertEquals(Set.of(), m.flags());
                }),
                c("base64", m -> assertEquals("Grüße aus Köln.\nAcked-by: Bea <bea@example.org>\n", m.body().text())),
                c("latin1", m -> {
                    assertEquals("Déjà fait, merci.\n", m.body().text());
                    assertEquals("François", m.from().name());
                    assertEquals("Précision", m.subject());
                    assertEquals(Instant.parse("2025-03-05T07:00:00Z"), m.date());
                }),
                c("broken-charset", m -> {
                    assertEquals("naïve text\n", m.body().text());
                    assertEquals(Set.of(MailFlag.CHARSET), m.flags());
                    assertTrue(m.problems().get(0).contains("x-unknown"), m.problems().toString());
                }),
                c("invalid-bytes", m -> {
                    assertEquals("naïve text\n", m.body().text());
                    assertEquals(Set.of(MailFlag.CHARSET), m.flags());
                }),
                c("raw-utf8-headers", m -> {
                    assertEquals("[PATCH] drm: fix zażółć gęślą jaźń", m.subject());
                    assertEquals(new Address("Łukasz Kowalski", "lk@example.pl"), m.from());
                    assertEquals(List.of(new Address("Zoë", "zoe@example.org")), m.to());
                }),
                c("raw-latin1-headers", m -> {
                    assertEquals("Corrección", m.subject());
                    assertEquals("José", m.from().name());
                }),
                c("no-date", m -> {
                    assertEquals(ENVELOPE, m.date());
                    assertEquals(Set.of(MailFlag.BAD_DATE), m.flags());
                }),
                c("garbage-date", m -> {
                    assertEquals(ENVELOPE, m.date());
                    assertTrue(m.has(MailFlag.BAD_DATE));
                    assertTrue(m.problems().get(0).contains("sometime last week"));
                }),
                c("odd-date", m -> {
                    assertEquals(Instant.parse("2025-03-04T08:15:00Z"), m.date());
                    assertFalse(m.has(MailFlag.BAD_DATE));
                }),
                c("rfc2047-subjects", m -> {
                    assertEquals("[PATCH] fix café and naïve résumé été naïf", m.subject());
                    assertEquals("张三", m.from().name());
                    assertTrue(m.has(MailFlag.CHARSET), "x-bogus is reported");
                }),
                c("split-utf8-word", m -> assertEquals("éété", m.subject())),
                c("html-only", m -> {
                    assertEquals(Set.of(MailFlag.HTML_ONLY), m.flags());
                    assertEquals("On Tue, Ada wrote:\n\n> The widget refcount leaks.\n>\n> Second quoted paragraph\n"
                                    + "> with a break.\n\nLooks good to me.\n\nAcked-by: Hilda <hilda@example.org>\n",
                            m.body().text());
                    assertTrue(m.body().own().contains("Acked-by: Hilda <hilda@example.org>\n"));
                    assertFalse(m.body().own().contains("refcount"));
                }),
                c("alternative", m -> {
                    assertEquals("Plain version.\nReviewed-by: Alt <alt@example.org>\n", m.body().text());
                    assertEquals(Set.of(), m.flags());
                }),
                c("attachment-patch", m -> {
                    assertEquals("The fix is attached.\n", m.body().text());
                    assertEquals(List.of("diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n-old\n+new\n",
                            "diff --git a/b.c b/b.c\n"), m.body().attachments());
                }),
                c("nested", m -> {
                    assertEquals("First line that flows into the second.\n> From: Fwd <fwd@example.org>\n"
                            + "> Subject: forwarded\n>\n> Acked-by: Someone Else <else@example.org>\n", m.body().text());
                    assertFalse(m.body().own().contains("Acked-by"), "a forwarded trailer is not the sender's");
                    assertEquals(Set.of(), m.flags());
                }),
                c("truncated-multipart", m -> {
                    assertEquals("First part.\nSecond part, never closed.\n", m.body().text());
                    assertEquals(Set.of(MailFlag.TRUNCATED), m.flags());
                }),
                c("masked", m -> {
                    assertEquals(new Address("Jason Gunthorpe", "jgg@xxxxxxxxxx"), m.from());
                    assertTrue(m.from().masked());
                    assertEquals(List.of(new Address("Leon Romanovsky", "leon@xxxxxxxxxx"),
                            new Address("", "linux-rdma@xxxxxxxxxxxxxxx"), new Address("Doe, Jane", "jane@example.com"),
                            new Address("Bob Smith", "bob@example.com")), m.to());
                    assertEquals(List.of(new Address("Bare Person", "bare@example.org")), m.cc());
                }),
                c("references-junk", m -> {
                    assertEquals("odd-id@example.org", m.messageId());
                    assertEquals(List.of("parent@example.org"), m.inReplyTo());
                    assertEquals(List.of("root@example.org", "mid@example.org", "parent@example.org"), m.references());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesFixture(String fixture, Consumer<Mail> check) {
        check.accept(parse(fixture));
    }

    @Test
    void missingMessageIdIsDerivedFromTheBytes() {
        byte[] raw = fixture("no-message-id");
        Mail a = MailParser.parse(raw, null, false);
        Mail b = MailParser.parse(raw.clone(), null, false);
        assertEquals(a.messageId(), b.messageId());
        assertTrue(a.messageId().matches("[0-9a-f]{24}@no-message-id\\.patchlane\\.invalid"), a.messageId());
        assertEquals(Set.of(MailFlag.NO_MESSAGE_ID), a.flags());
        assertEquals(a.messageId(), MailParser.messageIdOf(raw));
        byte[] other = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).replace("no id here", "other")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertNotEquals(a.messageId(), MailParser.parse(other, null, false).messageId());
    }

    @Test
    void epochEnvelopeMeansUnknownDate() {
        Mail m = MailParser.parse(fixture("no-date"), Instant.EPOCH, false);
        assertNull(m.date());
        assertTrue(m.has(MailFlag.BAD_DATE));
        assertNull(MailParser.parse(fixture("no-date"), null, false).date());
    }

    @Test
    void truncatedArgumentFlags() {
        assertEquals(Set.of(MailFlag.TRUNCATED), MailParser.parse(fixture("plain"), null, true).flags());
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(5100);
        byte[] plain = fixture("nested");
        for (int i = 0; i < 2000; i++) {
            byte[] b = plain.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            byte[] cut = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            Mail m = MailParser.parse(cut, null, false);
            assertFalse(m.messageId().isEmpty());
        }
        assertFalse(MailParser.parse(null, null, false).messageId().isEmpty());
        assertFalse(MailParser.parse(new byte[0], null, false).messageId().isEmpty());
    }

    @Test
    void fallbackKeepsHeadersAndRawText() {
        Mail m = MailParser.fallback(fixture("plain"), null, false, new IllegalStateException("boom"));
        assertTrue(m.has(MailFlag.PARSE_ERROR));
        assertTrue(m.problems().get(0).contains("boom"));
        assertEquals("20250304091500.1234-1-ada@example.org", m.messageId());
        assertEquals("[PATCH v2 1/3] RDMA/core: fix the widget refcount", m.subject());
        assertTrue(m.body().text().startsWith("The widget refcount leaks"));
    }
}
