package org.patchlane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes patch series: cover letter and patches 1..M threaded under it, b4 footers, versions v1..v4 chained by
 * change-id (a later cover sometimes in reply to the previous one), single-patch rerolls, resends, driver series
 * naming an infrastructure prerequisite, review replies and "Applied" mails.
 */
final class SeriesWriter {
    private SeriesWriter() {
    }

    /** What stays fixed across the versions of one series; each patch's content comes from its own seed. */
    private static final class Plan {
        Vocabulary.MailList list;
        Vocabulary.Area area;
        Person author;
        Person maintainer;
        int size;
        int lastVersion;
        boolean rfc;
        boolean resend;
        String changeId;
        String[] titles;
        String coverTitle;
        String cc;
        long[] patchSeeds;
        String prerequisite;
        String previousCover;
        boolean coverRepliesToPrevious;
    }

    private static final int[] SIZES = {1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8, 10, 12};
    private static final int[] VERSIONS = {1, 1, 1, 2, 2, 3, 4};

    static void start(Run run) {
        SplittableRandom r = run.r;
        Plan p = new Plan();
        p.list = Prose.pick(r, Vocabulary.LISTS);
        p.area = Prose.pick(r, p.list.areas());
        p.author = Prose.pick(r, Vocabulary.PEOPLE);
        p.maintainer = Prose.pick(r, Vocabulary.MAINTAINERS);
        p.size = SIZES[r.nextInt(SIZES.length)];
        p.lastVersion = VERSIONS[r.nextInt(VERSIONS.length)];
        p.rfc = r.nextInt(100) < 6;
        p.resend = !p.rfc && r.nextInt(100) < 3;
        StringBuilder cid = new StringBuilder(48);
        MailDate.compact(cid, run.clock);
        cid.append('-').append(Prose.pick(r, Vocabulary.WORDS)).append('-').append(Prose.pick(r, Vocabulary.WORDS))
                .append('-');
        p.changeId = Prose.hex(cid, r, 12).toString();
        p.titles = new String[p.size];
        for (int i = 0; i < p.size; i++) {
            p.titles[i] = title(r, p.area);
        }
        p.coverTitle = title(r, p.area);
        StringBuilder cc = new StringBuilder(p.maintainer.trailerForm());
        for (int i = r.nextInt(1, 5); i > 0; i--) {
            cc.append(", ").append(Prose.pick(r, Vocabulary.PEOPLE).trailerForm());
        }
        p.cc = cc.toString();
        p.patchSeeds = new long[p.size];
        for (int i = 0; i < p.size; i++) {
            p.patchSeeds[i] = r.nextLong();
        }
        if (!p.area.infrastructure() && !run.recentInfraCovers.isEmpty() && r.nextInt(100) < 15) {
            p.prerequisite = Prose.pick(r, new ArrayList<>(run.recentInfraCovers));
        }
        p.coverRepliesToPrevious = r.nextInt(100) < 40;
        run.series++;
        version(run, p, 1);
    }

    private static String title(SplittableRandom r, Vocabulary.Area area) {
        return area.prefix() + ": " + Prose.pick(r, Vocabulary.VERBS) + " " + Prose.pick(r, Vocabulary.OBJECTS);
    }

    private static void version(Run run, Plan p, int v) {
        if (run.full()) {
            return;
        }
        SplittableRandom r = run.r;
        run.versions++;
        long t0 = run.tick(60, 7200);
        long n = run.nextSerial();
        String tag = tag(r, p, v);
        Draft base = new Draft();
        base.from = p.author;
        base.to = p.list.address();
        base.cc = p.cc;
        base.listId = p.list.listId();
        base.mailer = Prose.pick(r, Vocabulary.SEND_MAILERS);
        String cover = null;
        if (p.size > 1) {
            cover = run.sendEmailId(p.author, t0, n, 0);
            Draft d = copy(base, Draft.Kind.COVER, "[" + tag + " 0/" + p.size + "] " + p.coverTitle, t0, cover);
            if (v > 1 && p.coverRepliesToPrevious && p.previousCover != null) {
                d.inReplyTo = p.previousCover;
                d.references = List.of(p.previousCover);
            }
            coverText(run, p, v, d.text);
            run.emit(d);
        }
        List<String> patchIds = new ArrayList<>(p.size);
        for (int k = 1; k <= p.size && !run.full(); k++) {
            long t = t0 + k;
            String id = run.sendEmailId(p.author, t, n, k);
            String subject = p.size > 1 ? "[" + tag + " " + k + "/" + p.size + "] " + p.titles[k - 1]
                    : "[" + tag + "] " + p.titles[0];
            Draft d = copy(base, Draft.Kind.PATCH, subject, t, id);
            if (cover != null) {
                d.inReplyTo = cover;
                d.references = List.of(cover);
            }
            patch(run, p, k, d, v, cover == null);
            run.emit(d);
            patchIds.add(id);
        }
        reviews(run, p, v, tag, cover, patchIds);
        if (v == 1 && p.size >= 3 && p.lastVersion == 1 && r.nextInt(100) < 5 && !run.full()) {
            reroll(run, p, base, patchIds, cover);
        }
        if (v == p.lastVersion && r.nextInt(100) < 30 && !run.full()) {
            ReviewWriter.applied(run, p.maintainer, p.author, base, cover != null ? cover : patchIds.get(0),
                    cover != null ? "Re: [" + tag + " 0/" + p.size + "] " + p.coverTitle
                            : "Re: [" + tag + "] " + p.titles[0], p.titles);
        }
        if (p.area.infrastructure() && cover != null) {
            run.recentInfraCovers.addLast(cover);
            if (run.recentInfraCovers.size() > 16) {
                run.recentInfraCovers.removeFirst();
            }
        }
        if (v < p.lastVersion) {
            p.previousCover = cover;
            for (int i = 0; i < p.size; i++) {
                if (r.nextInt(100) < 35) {
                    p.patchSeeds[i] = r.nextLong();
                }
            }
            run.schedule(t0 + r.nextInt(2, 21) * 86_400L + r.nextInt(86_400), () -> version(run, p, v + 1));
        }
    }

    private static String tag(SplittableRandom r, Plan p, int v) {
        StringBuilder tag = new StringBuilder(32);
        if (p.rfc) {
            tag.append("RFC ");
        }
        tag.append("PATCH");
        if (p.resend) {
            tag.append(" RESEND");
        }
        if (r.nextInt(10) < 7) {
            tag.append(' ').append(p.area.tree());
        }
        if (v > 1) {
            tag.append(" v").append(v);
        }
        return tag.toString();
    }

    private static Draft copy(Draft base, Draft.Kind kind, String subject, long time, String id) {
        Draft d = new Draft();
        d.kind = kind;
        d.from = base.from;
        d.to = base.to;
        d.cc = base.cc;
        d.listId = base.listId;
        d.mailer = base.mailer;
        d.subject = subject;
        d.time = time;
        d.messageId = id;
        return d;
    }

    private static void coverText(Run run, Plan p, int v, StringBuilder sb) {
        SplittableRandom r = run.r;
        sb.append("Hi,\n\n");
        Prose.paragraph(sb, r, 4);
        sb.append('\n');
        Prose.paragraph(sb, r, 3);
        sb.append('\n');
        if (p.prerequisite != null) {
            sb.append("This series depends on the infrastructure posted in\n")
                    .append("https://lore.kernel.org/r/").append(p.prerequisite, 1, p.prerequisite.length() - 1)
                    .append("/\n\n");
        }
        if (v > 1) {
            sb.append("Changes in v").append(v).append(":\n");
            for (int i = r.nextInt(1, 5); i > 0; i--) {
                sb.append(" - ");
                Prose.sentence(sb, r, 4, 10);
                sb.append('\n');
            }
            if (p.previousCover != null) {
                sb.append(" - Link to v").append(v - 1).append(": https://lore.kernel.org/r/")
                        .append(p.previousCover, 1, p.previousCover.length() - 1).append('\n');
            }
            sb.append('\n');
        }
        sb.append("Thanks\n\n").append(p.author.name()).append(" (").append(p.size).append("):\n");
        for (String t : p.titles) {
            sb.append("  ").append(t).append('\n');
        }
        sb.append("\n---\nbase-commit: ").append(run.sha()).append("\nchange-id: ").append(p.changeId).append('\n');
        if (p.prerequisite != null) {
            sb.append("prerequisite-message-id: ").append(p.prerequisite).append('\n')
                    .append("prerequisite-patch-id: ").append(run.sha()).append('\n');
        }
        sb.append("\nBest regards,\n-- \n").append(p.author.trailerForm()).append('\n');
    }

    /**
     * Writes patch {@code k}: the commit message and diff come from the patch's own seed, so a patch left
     * unchanged between versions has byte-identical text (and git patch-id); shape and footers come from the run.
     */
    private static void patch(Run run, Plan p, int k, Draft d, int v, boolean single) {
        SplittableRandom own = new SplittableRandom(p.patchSeeds[k - 1]);
        StringBuilder sb = d.text;
        Person coAuthor = own.nextInt(100) < 12 ? Prose.pick(own, Vocabulary.PEOPLE) : null;
        if (coAuthor != null && !coAuthor.equals(p.author) && own.nextBoolean()) {
            sb.append("From: ").append(coAuthor.trailerForm()).append("\n\n");
        }
        Prose.paragraph(sb, own, own.nextInt(2, 6));
        sb.append('\n');
        if (own.nextBoolean()) {
            Prose.paragraph(sb, own, 2);
            sb.append('\n');
        }
        if (own.nextInt(100) < 18) {
            sb.append("Fixes: ");
            Prose.hex(sb, own, 12).append(" (\"").append(p.area.prefix()).append(": ")
                    .append(Prose.pick(own, Vocabulary.VERBS)).append(' ').append(Prose.pick(own, Vocabulary.OBJECTS))
                    .append("\")\n");
        }
        if (own.nextInt(100) < 10) {
            sb.append("Reported-by: ").append(Prose.pick(own, Vocabulary.PEOPLE).trailerForm()).append('\n');
        }
        if (coAuthor != null && !coAuthor.equals(p.author)) {
            sb.append("Co-developed-by: ").append(coAuthor.trailerForm()).append('\n')
                    .append("Signed-off-by: ").append(coAuthor.trailerForm()).append('\n');
        }
        if (own.nextInt(100) < 99) {
            sb.append("Signed-off-by: ").append(p.author.trailerForm()).append('\n');
        }
        sb.append("---\n");
        if (v > 1 && single) {
            sb.append("v").append(v).append(": ");
            Prose.sentence(sb, run.r, 4, 8);
            sb.append("\n\n");
        }
        String[] files = files(own, p.area);
        DiffWriter.write(sb, own, files, p.area.infrastructure());
        if (single) {
            sb.append("\nbase-commit: ").append(run.sha()).append("\nchange-id: ").append(p.changeId).append('\n');
            if (p.prerequisite != null) {
                sb.append("prerequisite-message-id: ").append(p.prerequisite).append('\n');
            }
        }
        sb.append("-- \n2.47.1\n");
        int x = run.r.nextInt(100);
        if (x < 2) {
            d.shape = BodyShape.ATTACHMENT;
            StringBuilder intro = new StringBuilder(300);
            Prose.paragraph(intro, run.r, 2);
            d.intro = intro.toString();
            d.fileName = String.format("%04d-%s.patch", k, p.changeId.substring(9, p.changeId.length() - 13));
        } else if (x < 6) {
            d.shape = BodyShape.QUOTED_PRINTABLE;
        } else if (x < 8) {
            d.shape = BodyShape.BASE64;
        }
    }

    private static String[] files(SplittableRandom own, Vocabulary.Area area) {
        List<String> pool = new ArrayList<>(area.files());
        int n = own.nextInt(1, Math.min(4, pool.size()) + 1);
        String[] files = new String[n];
        for (int i = 0; i < n; i++) {
            files[i] = pool.remove(own.nextInt(pool.size()));
        }
        return files;
    }

    private static void reviews(Run run, Plan p, int v, String tag, String cover, List<String> patchIds) {
        SplittableRandom r = run.r;
        Draft base = new Draft();
        base.to = p.list.address();
        base.cc = p.author.trailerForm() + ", " + p.cc;
        base.listId = p.list.listId();
        if (cover != null && r.nextInt(100) < 35) {
            ReviewWriter.thread(run, base, p.author, cover, List.of(cover),
                    "[" + tag + " 0/" + p.size + "] " + p.coverTitle, p.size, 0);
        }
        for (int k = 1; k <= patchIds.size(); k++) {
            if (r.nextInt(100) < 45) {
                String pid = patchIds.get(k - 1);
                List<String> refs = cover != null ? List.of(cover, pid) : List.of(pid);
                String subject = p.size > 1 ? "[" + tag + " " + k + "/" + p.size + "] " + p.titles[k - 1]
                        : "[" + tag + "] " + p.titles[0];
                ReviewWriter.thread(run, base, p.author, pid, refs, subject, 0, 0);
            }
        }
    }

    /** A single changed patch posted as {@code [PATCH v2 k/M]} in reply to its v1. */
    private static void reroll(Run run, Plan p, Draft base, List<String> patchIds, String cover) {
        SplittableRandom r = run.r;
        int k = r.nextInt(1, patchIds.size() + 1);
        p.patchSeeds[k - 1] = r.nextLong();
        long t = run.tick(3600, 86_400 * 2);
        String parent = patchIds.get(k - 1);
        Draft d = copy(base, Draft.Kind.PATCH, "[PATCH v2 " + k + "/" + p.size + "] " + p.titles[k - 1], t,
                run.sendEmailId(p.author, t, run.nextSerial(), k));
        d.inReplyTo = parent;
        d.references = cover != null ? List.of(cover, parent) : List.of(parent);
        patch(run, p, k, d, 2, false);
        run.emit(d);
    }
}
