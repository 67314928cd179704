package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.ConfigFile;
import org.patchlane.store.Decisions;
import org.patchlane.store.SentDigests;

/** The serve process's digest mail: once per week at its time, across restarts; a failure is retried. */
class DigestSchedulerTest {
    @TempDir
    Path data;
    SmtpServer server;
    final MovingClock clock = new MovingClock(Instant.parse("2026-11-23T06:59:00Z"));
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new SmtpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A scheduler as serve makes it, over the data directory; a new one is a restarted serve. */
    private DigestScheduler scheduler(DigestSender sender) throws Exception {
        ConfigFile conf = server.config(data.resolve("conf"), "");
        SmtpSettings smtp = SmtpSettings.of(conf, SmtpServer.env());
        return new DigestScheduler(DigestFixture.source(), DigestMailing.of(conf), smtp.from(), DigestLinks.of(conf),
                sender, SentDigests.of(data), clock, log::add);
    }

    private DigestSender smtp() throws Exception {
        return new SmtpSender(SmtpSettings.of(server.config(data.resolve("conf"), ""), SmtpServer.env()));
    }

    @Test
    void sendsTheWeekOnceAtItsTimeAndARestartDoesNotSendItAgain() throws Exception {
        try (DigestScheduler s = scheduler(smtp())) {
            assertEquals(DigestScheduler.Outcome.NOT_DUE, s.tick(), "Monday 06:59: not yet");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(DigestScheduler.Outcome.SENT, s.tick(), "Monday 07:00 of week 48 sends week 47");
            clock.advance(Duration.ofMinutes(1));
            assertEquals(DigestScheduler.Outcome.ALREADY_SENT, s.tick());
        }
        assertEquals(1, server.received().length);
        assertEquals("2026-W47", server.received()[0].getHeader(DigestMail.WEEK_HEADER, null));
        clock.advance(Duration.ofHours(5));
        try (DigestScheduler restarted = scheduler(smtp())) {
            assertEquals(DigestScheduler.Outcome.ALREADY_SENT, restarted.tick(), "the restart finds week 47 sent");
        }
        assertEquals(1, server.received().length, "still one mail");
        assertTrue(SentDigests.of(data).sent("2026-W47", "linux-rdma"));
        assertTrue(Decisions.of(data).latestAll().isEmpty(), "the sent weeks are no series' decision");
        clock.advance(Duration.ofDays(7));
        try (DigestScheduler nextWeek = scheduler(smtp())) {
            assertEquals(DigestScheduler.Outcome.SENT, nextWeek.tick(), "a week later, week 48 goes");
        }
        assertEquals(2, server.received().length);
    }

    @Test
    void aServerDownAtTheTimeSendsTheMissedWeekOnceWhenItComesBack() throws Exception {
        clock.advance(Duration.ofDays(2));
        try (DigestScheduler s = scheduler(smtp())) {
            assertEquals(DigestScheduler.Outcome.SENT, s.tick(), "Wednesday: week 47 was missed, sent now");
            assertEquals(DigestScheduler.Outcome.ALREADY_SENT, s.tick());
        }
        assertEquals(1, server.received().length);
    }

    @Test
    void aFailedSendIsLoggedNotRecordedAndRetriedAtTheNextTick() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        DigestSender down = message -> {
            throw new MessagingException("connection refused");
        };
        try (DigestScheduler s = scheduler(down)) {
            assertEquals(DigestScheduler.Outcome.FAILED, s.tick());
        }
        assertFalse(SentDigests.of(data).sent("2026-W47", "linux-rdma"), "a failure is not recorded as sent");
        assertTrue(log.get(0).contains("could not send the digest 2026-W47 of linux-rdma") && log.get(0)
                .contains("connection refused"), log.toString());
        clock.advance(DigestScheduler.TICK);
        try (DigestScheduler s = scheduler(smtp())) {
            assertEquals(DigestScheduler.Outcome.SENT, s.tick(), "the next tick sends it");
        }
        assertEquals(1, server.received().length);
    }

    @Test
    void theStartedSchedulerTicksByItself() throws Exception {
        clock.advance(Duration.ofMinutes(1));
        try (DigestScheduler s = scheduler(smtp())) {
            s.start();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.received().length == 0 && System.nanoTime() < until) Thread.sleep(50);
        }
        assertEquals(1, server.received().length, "the first tick runs at start");
    }
}
