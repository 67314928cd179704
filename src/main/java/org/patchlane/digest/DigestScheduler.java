package org.patchlane.digest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.patchlane.store.SentDigests;

/**
 * Sends the weekly digest from the {@code serve} process: on every tick (a minute apart) it looks at the latest
 * week that has ended and, once that week's scheduled time has come, sends its digest unless the decisions
 * repository records it as sent, then records it. So a week goes out once, also after a restart; a server that
 * was down at the scheduled time sends the missed week when it comes back; and a failed send is logged and tried
 * again at the next tick, never recorded.
 */
public final class DigestScheduler implements AutoCloseable {
    /** Time between ticks. */
    public static final Duration TICK = Duration.ofMinutes(1);

    private final DigestSource source;
    private final DigestMailing settings;
    private final InternetAddress from;
    private final DigestLinks links;
    private final DigestSender sender;
    private final SentDigests sent;
    private final Clock clock;
    private final Consumer<String> log;
    private ScheduledExecutorService executor;

    /** What a tick did. */
    public enum Outcome {
        /** The latest ended week's time has not come yet. */
        NOT_DUE,
        /** That week's digest is recorded as sent. */
        ALREADY_SENT,
        /** Sent now and recorded. */
        SENT,
        /** The digest could not be made or sent; not recorded, so the next tick tries again. */
        FAILED
    }

    /**
     * @param log where each send and failure is told (one line each)
     */
    public DigestScheduler(DigestSource source, DigestMailing settings, InternetAddress from, DigestLinks links,
                           DigestSender sender, SentDigests sent, Clock clock, Consumer<String> log) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.from = Objects.requireNonNull(from, "from");
        this.links = Objects.requireNonNull(links, "links");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.sent = Objects.requireNonNull(sent, "sent");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Ticks now and then every {@link #TICK} on a daemon thread, until {@link #close}. */
    public synchronized void start() {
        if (executor != null) throw new IllegalStateException("already started");
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "patchlane-digest");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, TICK.toSeconds(), TimeUnit.SECONDS);
    }

    /** One look at the clock: sends the latest ended week's digest when it is due and not yet sent. */
    public synchronized Outcome tick() {
        Instant now = clock.instant();
        Period week = Period.weekOf(now).previous();
        if (now.isBefore(settings.schedule().due(week))) return Outcome.NOT_DUE;
        String what = "digest " + week.label() + (settings.list() == null ? "" : " of " + settings.list());
        try {
            if (sent.sent(week.label(), settings.list())) return Outcome.ALREADY_SENT;
            Digest d = source.digest(week, settings.list());
            MimeMessage mail = DigestMail.of(d, links, from, settings.to(), now);
            sender.send(mail);
            String to = settings.to().stream().map(InternetAddress::toString).collect(Collectors.joining(", "));
            // Recorded after the send: a crash between the two sends the week again rather than never.
            sent.record(week.label(), settings.list(), mail.getMessageID(), to, now);
            log.accept("sent the " + what + " to " + to + " as " + mail.getMessageID());
            return Outcome.SENT;
        } catch (IOException | MessagingException | RuntimeException e) {
            log.accept("could not send the " + what + ", trying again in " + TICK.toMinutes() + " min: " + e);
            return Outcome.FAILED;
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) executor.shutdownNow();
        executor = null;
        sent.close();
    }
}
