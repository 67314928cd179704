package org.patchlane.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;
import org.patchlane.store.StoredRecord;

/** mboxrd as Patchlane writes it: {@code >*From } quoting, and the two separator styles. */
class RawMboxTest {
    private static final String PI = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";

    private static StoredRecord record(String raw) {
        return new StoredRecord("a@b", raw.getBytes(StandardCharsets.UTF_8), "l", null, false, Set.of(),
                MessageKind.REPLY, "s", new Address("A", "a@example.org"), Instant.parse("2026-11-02T10:00:00Z"));
    }

    private static String publicInbox(String raw) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RawMbox.writePublicInbox(record(raw), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // stored body line | as written
            "From me          | >From me",
            ">From me         | >>From me",
            ">>>From me       | >>>>From me",
            "From: header-ish | From: header-ish",
            "Fromage          | Fromage",
            "' From indented' | ' From indented'",
            "> From quoted    | > From quoted",
            "From             | From",
            "a From b         | a From b",
    })
    void quotesFromLines(String line, String written) throws Exception {
        String raw = "Subject: x\n\n" + line + "\n";
        assertEquals(PI + "Subject: x\n\n" + written + "\n\n", publicInbox(raw));
    }

    @Test
    void aMessageWithoutFinalNewlineGetsOneThenTheBlankLine() throws Exception {
        assertEquals(PI + "Subject: x\n\nlast\n\n", publicInbox("Subject: x\n\nlast"));
    }

    @Test
    void ofKeepsTheSenderAndDateSeparator() {
        String mbox = new String(RawMbox.of(List.of(record("Subject: x\n\nFrom me\n"), record("Subject: y\n\nz\n"))),
                StandardCharsets.UTF_8);
        assertEquals("From a@example.org Mon Nov 2 10:00:00 2026\nSubject: x\n\n>From me\n\n"
                + "From a@example.org Mon Nov 2 10:00:00 2026\nSubject: y\n\nz\n\n", mbox);
    }
}
