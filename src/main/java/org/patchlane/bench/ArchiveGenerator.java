package org.patchlane.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a deterministic, kernel-list-shaped mboxrd archive of exactly N messages to a stream (writer; never
 * holds the archive: memory is a few days of traffic). Same seed, same bytes. Shapes and mixes follow the team's
 * {@code gen_mbox.py}: about 80% series threads (covers, patches v1..v4 chained by b4 change-id, review replies
 * with trailers and traps), 6% {@code [GIT PULL]} mails, the rest discussions; MIME quirks (quoted-printable,
 * base64, ISO-8859-1, broken charsets, HTML-only, multipart, attachments, ~0.1% without Message-ID) across
 * four lists, dates spread over months from January 2026, about 3 KB per message.
 */
public final class ArchiveGenerator {
    private ArchiveGenerator() {
    }

    /**
     * Writes {@code messages} messages generated from {@code seed} to {@code out} (buffered by the caller or not:
     * writes are whole lines or messages). Does not close {@code out}.
     *
     * @return counts of what was written, the truth a reader of the archive compares against
     * @throws IOException from {@code out}
     */
    public static GeneratorStats write(long messages, long seed, OutputStream out) throws IOException {
        if (messages < 0) {
            throw new IllegalArgumentException("messages must be >= 0: " + messages);
        }
        Objects.requireNonNull(out, "out");
        Run run = new Run(messages, seed, out);
        return run.run(() -> {
            int x = run.r.nextInt(100);
            if (x < 80) {
                SeriesWriter.start(run);
            } else if (x < 86) {
                PullWriter.write(run);
            } else {
                DiscussionWriter.write(run);
            }
        });
    }
}
