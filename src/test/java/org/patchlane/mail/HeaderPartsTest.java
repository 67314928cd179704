package org.patchlane.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Table tests of the header helpers: dates, ids, addresses, encoded words, flowed text, transfer encodings. */
class HeaderPartsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Tue, 4 Mar 2025 10:15:00 +0100                 | 2025-03-04T09:15:00Z",
            "Tue, 04 Mar 2025 10:15:00 -0800 (PST)          | 2025-03-04T18:15:00Z",
            "4 Mar 2025 10:15:00 +0100                      | 2025-03-04T09:15:00Z",
            "Tue, 4 Mar 25 10:15:00 GMT                     | 2025-03-04T10:15:00Z",
            "Tue, 4 Mar 99 10:15:00 +0000                   | 1999-03-04T10:15:00Z",
            "4 Mar 2025 10:15:00 CEST                       | 2025-03-04T08:15:00Z",
            "Tuesday, 4 March 2025 10:15 IST                | 2025-03-04T04:45:00Z",
            "Tue Mar  4 10:15:00 2025 +0100                 | 2025-03-04T09:15:00Z",
            "2025-03-04 10:15:00 +01:00                     | 2025-03-04T09:15:00Z",
            "Tue, 4 Mar 2025 10:15:00 +9999                 | 2025-03-04T10:15:00Z",
            "Tue, 4 Mar 2025 10:15:00 +0000 junk            | 2025-03-04T10:15:00Z",
            "garbage                                        | NULL",
            // our patterns refuse Feb 31; MailDateFormat, the last resort, rolls it over and reads CEST as +0000
            "Tue, 31 Feb 2025 10:15 CEST                    | 2025-03-03T10:15:00Z",
    })
    void dates(String value, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), MailDates.parse(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<a@b>                                   | a@b",
            "  <a@b> <c@d>                           | a@b,c@d",
            "a@b                                     | a@b",
            "<a@b>, junk \"x\" <c@d> (comment) <a@b> | a@b,c@d",
            "<<a@b>>                                 | a@b",
            "<a @b>                                  | a@b",
            "Message from X <x@y> of date <a@b>      | x@y,a@b",
            "1234.5678                               | 1234.5678",
    })
    void messageIds(String value, String expected) {
        assertEquals(List.of(expected.split(",")), MessageIds.parse(value));
    }

    @Test
    void noMessageIdInJunk() {
        assertEquals(List.of(), MessageIds.parse("   "));
        assertEquals(List.of(), MessageIds.parse("(no id here)"));
        assertNull(MessageIds.first(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Ada <ada@x.org>                               | Ada/ada@x.org",
            "\"Lovelace, Ada\" <ada@x.org>, bob@y.org       | Lovelace, Ada/ada@x.org;/bob@y.org",
            "ada@x.org (Ada Lovelace)                      | Ada Lovelace/ada@x.org",
            "=?utf-8?q?J=C3=B6rg?= <j@x.de>                | Jörg/j@x.de",
            "\"=?utf-8?q?J=C3=B6rg?=\" <j@x.de>            | Jörg/j@x.de",
            "A <a@x> B <b@y>                               | A/a@x;B/b@y",
            "list: a@x, b@y;, c@z                          | /a@x;/b@y;/c@z",
            "Broken <a@x, Next <b@y>                       | Broken/a@x;Next/b@y",
            "<MAILTO:Someone@Example.ORG>                  | /someone@example.org",
            "'Outlook Name' <o@x>                          | Outlook Name/o@x",
    })
    void addresses(String value, String expected) {
        List<Address> got = AddressList.parse(value);
        String shown = String.join(";", got.stream().map(a -> a.name() + "/" + a.email()).toList());
        assertEquals(expected, shown);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain text                                 | plain text",
            "=?utf-8?q?a?= =?utf-8?q?b?=                | ab",
            "x=?utf-8?q?_y?=z                           | x yz",
            "=?UTF-8?B?w6k?=                            | é",
            "=?utf-8?q?with space?=                     | with space",
            "=?iso-8859-1*en?q?=E9?=                    | é",
            "=?utf-8?x?nope?=                           | =?utf-8?x?nope?=",
    })
    void unstructured(String value, String expected) {
        assertEquals(expected, HeaderText.unstructured(value));
    }

    @Test
    void unstructuredUnfolds() {
        assertEquals("folded line", HeaderText.unstructured("  folded\r\n\t  line  "));
        assertEquals("", HeaderText.unstructured(null));
    }

    @Test
    void flowed() {
        assertEquals("one two three\n> quoted flows\n-- \nsig\n \tcontext",
                FlowedText.unflow("one \ntwo \nthree\n> quoted \n> flows\n-- \nsig\n  \tcontext", false));
        assertEquals("onetwo\n", FlowedText.unflow("one \ntwo\n", true));
    }

    @Test
    void transferEncodings() {
        byte[] qp = "a=3Db=\r\nc =\nd=ZZ=".getBytes(StandardCharsets.US_ASCII);
        assertEquals("a=bc d=ZZ", new String(TransferEncoding.quotedPrintable(qp, 0, qp.length),
                StandardCharsets.US_ASCII));
        byte[] b64 = "aGVs\nbG8*gd29y bGQ".getBytes(StandardCharsets.US_ASCII);
        assertEquals("hello world", new String(TransferEncoding.base64(b64, 0, b64.length), StandardCharsets.US_ASCII));
    }

    @Test
    void charsetsBestEffort() {
        byte[] mixed = {'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, ' ', (byte) 0x80};
        assertEquals("café é €", Charsets.bestEffort(mixed, 0, mixed.length));
        assertEquals(Charsets.WINDOWS_1252, Charsets.lookup("ISO8859-1"));
        assertEquals(StandardCharsets.UTF_8, Charsets.lookup("utf8"));
        assertNull(Charsets.lookup("x-unknown"));
    }

    @Test
    void streamProviderIsNamedOnce() {
        assertNotNull(MailParser.parse(MailParserTest.fixture("alternative"), null, false));
        assertEquals("org.eclipse.angus.mail.util.MailStreamProvider", System.getProperty(BodyWalker.STREAM_PROVIDER));
    }
}
