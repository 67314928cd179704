package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.source.ImapAddress;
import org.patchlane.source.ImapServer;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/** The watch loop against a real IMAP server: IDLE brings new mail in long before the next poll. */
class WatcherTest {
    @TempDir
    Path tmp;

    @Test
    void idleIngestsNewMailWithoutWaitingForThePollInterval() throws Exception {
        Path data = tmp.resolve("data");
        List<String> log = new CopyOnWriteArrayList<>();
        try (ImapServer server = new ImapServer(false);
             Archive archive = Archive.open(data);
             Searcher searcher = archive.searcher()) {
            server.deliver(List.of(mail("before")));
            ImapAddress address = new ImapAddress(server.account(ImapServer.PASSWORD));
            SourceRuns runs = SourceRuns.read(data);
            Watcher.Watched source = new Watcher.Watched("wd", address, "linux-watchdog", Duration.ofHours(1));
            try (Watcher watcher = new Watcher(archive, List.of(source), runs, log::add, Clock.systemUTC())) {
                watcher.start();
                assertTrue(waitFor(() -> runs.get(address.display()) != null, Duration.ofSeconds(30)), "first run");
                Thread.sleep(500); // let the IDLE connection settle into IDLE
                server.deliver(List.of(mail("during")));
                // The next poll is an hour away, so only IDLE can bring the mail in within this (generous) wait.
                assertTrue(waitFor(() -> searcher.search("m:during@example.org", 0, 1).total() == 1,
                        Duration.ofMinutes(2)), "IDLE did not wake the watcher: " + log);
            }
            SourceRuns.Run run = SourceRuns.read(data).get(address.display());
            assertNotNull(run);
            assertEquals(2, run.messages());
            assertEquals(server.uidValidity() + ":2", archive.cursors().get(server.imapUrl().toString()));
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static boolean waitFor(Check check, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (check.ok()) return true;
            Thread.sleep(50);
        }
        return check.ok();
    }

    private static byte[] mail(String id) {
        return ("From: Dev <dev@example.org>\nTo: linux-watchdog@vger.kernel.org\nSubject: watchdog: " + id
                + "\nDate: Mon, 2 Nov 2026 10:00:00 +0000\nMessage-ID: <" + id + "@example.org>\n\nhello\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
