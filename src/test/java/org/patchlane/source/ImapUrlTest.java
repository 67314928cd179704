package org.patchlane.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImapUrlTest {
    @ParameterizedTest
    @CsvSource({
            "imaps://me@imap.example.org/lists/linux-rdma, imaps://me@imap.example.org:993/lists/linux-rdma",
            "imap://me@imap.example.org/INBOX, imap://me@imap.example.org:143/INBOX",
            "IMAPS://me@host:1993/a%20b, imaps://me@host:1993/a b",
            "imap://me%40example.org@host/INBOX, imap://me@example.org@host:143/INBOX"})
    void canonicalFormHasTheSchemeDefaultPort(String given, String canonical) {
        assertEquals(canonical, ImapUrl.parse(given).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap://host/INBOX", "imap://me@host", "imap://me@host/", "imaps://@host/INBOX",
            "pop3://me@host/INBOX", "imap://me@ho st/INBOX"})
    void refusesUrlsWithoutUserHostOrFolder(String bad) {
        assertThrows(IllegalArgumentException.class, () -> ImapUrl.parse(bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {"imaps://me:hunter2@host/INBOX", "imap://me:hunter2@host:143/INBOX"})
    void refusesAPasswordAndNeverRepeatsIt(String withPassword) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImapUrl.parse(withPassword));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap://x@y/z", "IMAPS://x@y/z"})
    void tellsUrlsFromPaths(String url) {
        assertTrue(ImapUrl.isImap(url));
        assertFalse(ImapUrl.isImap("/srv/imap/archive.mbox"));
    }
}
