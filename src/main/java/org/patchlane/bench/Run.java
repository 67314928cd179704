package org.patchlane.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The state of one generation run: the random stream, the list clock, the tasks scheduled for later (next
 * versions of a series), the counters and the writer. Writers of each thread shape draw from it.
 */
final class Run {
    /** 2026-01-05T08:00:00Z: 100k messages at the default pace reach into the autumn. */
    static final long START = 1_767_600_000L;

    /** A thread shape to post at a later time (the next version of a series). */
    record Task(long time, long seq, Runnable body) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    final SplittableRandom r;
    final long limit;
    private final long salt;
    private final MboxWriter writer;
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    /** Cover letters of recent infrastructure series, for drivers to name as prerequisites. */
    final ArrayDeque<String> recentInfraCovers = new ArrayDeque<>();
    long clock = START;
    private long taskSeq;
    private long idSerial;
    private long serial = 1000;

    long covers;
    long patches;
    long replies;
    long pulls;
    long other;
    long series;
    long versions;
    long trailers;
    long nacks;
    long noMessageId;
    private long queued;

    Run(long limit, long seed, OutputStream out) {
        this.r = new SplittableRandom(seed);
        this.limit = limit;
        this.salt = new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong();
        this.writer = new MboxWriter(out);
    }

    boolean full() {
        return queued >= limit;
    }

    /** Renders and queues one message (the caller checked {@link #full()}); counts it by kind. */
    void emit(Draft d) {
        Bytes bytes = d.render(r);
        switch (d.kind) {
            case COVER -> covers++;
            case PATCH -> patches++;
            case REPLY -> replies++;
            case PULL -> pulls++;
            default -> other++;
        }
        if (d.messageId == null) {
            noMessageId++;
        }
        queued++;
        writer.add(d.time, d.from.email(), bytes);
    }

    void schedule(long time, Runnable body) {
        tasks.add(new Task(time, taskSeq++, body));
    }

    /** Runs thread shapes in time order until {@link #limit} messages are queued, then writes the rest. */
    GeneratorStats run(Runnable newThread) throws IOException {
        while (!full()) {
            Task next = tasks.peek();
            if (next != null && next.time() <= clock) {
                tasks.poll();
                writer.flushUntil(next.time());
                long saved = clock;
                clock = next.time();
                next.body().run();
                clock = saved;
            } else {
                writer.flushUntil(clock);
                long start = clock;
                newThread.run();
                // each thread keeps its own clock; the list clock moves by the gap between thread starts
                clock = start + r.nextInt(300, 3601);
            }
        }
        writer.finish();
        return new GeneratorStats(writer.written(), writer.bytes(), covers, patches, replies, pulls, other, series,
                versions, trailers, nacks, noMessageId);
    }

    /** Advances the thread clock by a random gap and returns it. */
    long tick(int lo, int hi) {
        clock += r.nextInt(lo, hi + 1);
        return clock;
    }

    /** A unique number: a bijective 64-bit mix of a counter, so ids never repeat within a run. */
    long unique() {
        long z = (idSerial++) + salt;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A git send-email Message-ID: {@code <20261102101500.4711-3-leon@kernel.org>}. */
    String sendEmailId(Person p, long time, long n, int k) {
        StringBuilder sb = new StringBuilder(64).append('<');
        MailDate.stamp(sb, time);
        return sb.append('.').append(n).append('-').append(k).append('-').append(p.localPart()).append('@')
                .append(p.domain()).append('>').toString();
    }

    /** A mail client's Message-ID in one of three common styles. */
    String clientId(Person p) {
        long u = unique();
        StringBuilder sb = new StringBuilder(80).append('<');
        switch (r.nextInt(3)) {
            case 0 -> sb.append(Long.toString(u >>> 1, 36)).append(Long.toString(u & 1, 36)).append('@')
                    .append(p.domain());
            case 1 -> sb.append("DM6PR12MB").append(r.nextInt(1000, 10000)).append(Long.toHexString(u)
                    .toUpperCase(java.util.Locale.ROOT)).append("@DM6PR12MB").append(r.nextInt(1000, 10000))
                    .append(".namprd12.prod.outlook.example");
            default -> sb.append(Long.toHexString(u)).append('-').append(Prose.hex(r, 4)).append('-')
                    .append(Prose.hex(r, 12)).append('@').append(p.domain());
        }
        return sb.append('>').toString();
    }

    /** A body shape for a reply or discussion mail: mostly plain, with the quirk mix of real archives. */
    BodyShape replyShape(Person p) {
        int x = r.nextInt(1000);
        if (x < 60) {
            return BodyShape.QUOTED_PRINTABLE;
        }
        if (x < 90) {
            return BodyShape.BASE64;
        }
        if (x < 120) {
            return p.latin1() ? BodyShape.LATIN1 : BodyShape.PLAIN;
        }
        if (x < 140) {
            return BodyShape.HTML_ONLY;
        }
        if (x < 170) {
            return BodyShape.ALTERNATIVE;
        }
        if (x < 173) {
            return p.latin1() ? BodyShape.LATIN1_AS_UTF8 : BodyShape.UNKNOWN_CHARSET;
        }
        if (x < 175) {
            return BodyShape.UNKNOWN_CHARSET;
        }
        return BodyShape.PLAIN;
    }

    /** The next series number, as git send-email puts in its Message-IDs. */
    long nextSerial() {
        serial += 1 + r.nextInt(97);
        return serial;
    }

    Person otherThan(Person p) {
        Person q = Prose.pick(r, Vocabulary.PEOPLE);
        while (q.equals(p)) {
            q = Prose.pick(r, Vocabulary.PEOPLE);
        }
        return q;
    }

    /** A random 40-hex commit id. */
    String sha() {
        return Prose.hex(r, 40);
    }
}
