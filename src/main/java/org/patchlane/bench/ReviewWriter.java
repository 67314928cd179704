package org.patchlane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes review replies: trailer-giving replies (series-wide on a cover, scoped, for a patch range), NACKs,
 * comments, author follow-ups, nested replies, and the traps an attributor must ignore (quoted trailers,
 * trailers mentioned mid-sentence, a trailer typed on someone else's behalf, masked quoted addresses).
 */
final class ReviewWriter {
    private ReviewWriter() {
    }

    /**
     * One to three replies to {@code parentId} (one when nested), each maybe followed by a reply to it.
     *
     * @param coverSize the series size when the parent is a cover letter, else 0
     */
    static void thread(Run run, Draft base, Person parentAuthor, String parentId, List<String> refs, String subject,
                       int coverSize, int depth) {
        SplittableRandom r = run.r;
        int n = depth == 0 ? new int[] {1, 1, 1, 2, 2, 3}[r.nextInt(6)] : 1;
        for (int i = 0; i < n && !run.full(); i++) {
            Person reviewer = run.otherThan(parentAuthor);
            long t = run.tick(300, 86_400);
            Draft d = new Draft();
            d.kind = Draft.Kind.REPLY;
            d.to = base.to;
            d.cc = base.cc;
            d.listId = base.listId;
            d.time = t;
            d.subject = "Re: " + subject;
            d.encodeSubject = r.nextInt(100) == 0;
            d.inReplyTo = parentId;
            d.references = refs;
            boolean nested = depth < 2 && r.nextInt(100) < 25;
            StringBuilder sb = d.text;
            sb.append("On ");
            MailDate.rfc5322(sb, t - r.nextInt(3600, 30 * 3600), 0);
            sb.append(", ").append(parentAuthor.name()).append(" wrote:\n");
            quote(run, sb, parentAuthor);
            sb.append('\n');
            int kind = r.nextInt(100);
            boolean trailer = false;
            if (kind < 50) {
                if (r.nextBoolean()) {
                    Prose.paragraph(sb, r, 1);
                    sb.append('\n');
                }
                if (coverSize >= 3 && r.nextInt(100) < 15) {
                    sb.append("For patches 1-").append(coverSize - 1).append(":\n");
                } else if (coverSize > 0 && r.nextBoolean()) {
                    sb.append("For the series:\n");
                }
                Person who = r.nextInt(100) < 2 ? run.otherThan(reviewer) : reviewer;
                sb.append(Prose.pick(r, Vocabulary.REVIEW_KINDS)).append(": ").append(who.trailerForm());
                if (r.nextInt(100) < 8) {
                    sb.append(" # for the ").append(Prose.pick(r, new String[] {"mlx5", "core", "mm", "irdma"}))
                            .append(" part");
                }
                sb.append("\n\n");
                trailer = true;
            } else if (kind < 53) {
                if (r.nextBoolean()) {
                    sb.append("NACK\n\n");
                } else {
                    sb.append("Nacked-by: ").append(reviewer.trailerForm()).append("\n\n");
                }
                Prose.paragraph(sb, r, 2);
                sb.append('\n');
                run.nacks++;
            } else if (kind < 80) {
                Prose.paragraph(sb, r, r.nextInt(2, 6));
                sb.append('\n');
                if (r.nextInt(100) < 25) {
                    Prose.wrap(sb, "I'd rather hold off on my Acked-by: " + reviewer.name()
                            + " until the locking is sorted out.", "");
                    sb.append('\n');
                }
            } else {
                reviewer = parentAuthor;
                sb.append("Thanks, will fix in the next version.\n\n");
            }
            d.from = reviewer;
            sb.append("-- \n").append(reviewer.name()).append('\n');
            d.shape = run.replyShape(reviewer);
            d.mailer = d.shape == BodyShape.HTML_ONLY || d.shape == BodyShape.ALTERNATIVE
                    ? Prose.pick(r, Vocabulary.HTML_MAILERS) : Prose.pick(r, Vocabulary.TEXT_MAILERS);
            d.messageId = !nested && r.nextInt(10_000) < 15 ? null : run.clientId(reviewer);
            if (trailer && d.shape != BodyShape.HTML_ONLY) {
                run.trailers++;
            }
            run.emit(d);
            if (nested && d.messageId != null) {
                List<String> deeper = new ArrayList<>(refs.size() + 1);
                deeper.addAll(refs.size() >= 8 ? refs.subList(refs.size() - 7, refs.size()) : refs);
                deeper.add(d.messageId);
                thread(run, base, reviewer, d.messageId, deeper, subject, 0, depth + 1);
            }
        }
    }

    /** The quoted context of a reply: prose, sometimes a quoted trailer, the sign-off and a diff excerpt. */
    private static void quote(Run run, StringBuilder sb, Person author) {
        SplittableRandom r = run.r;
        for (int i = r.nextInt(1, 4); i > 0; i--) {
            sb.append("> ");
            Prose.sentence(sb, r, 6, 14);
            sb.append('\n');
        }
        if (r.nextInt(100) < 30) {
            sb.append("> Reviewed-by: ").append(Prose.pick(r, Vocabulary.PEOPLE).trailerForm()).append('\n');
        }
        sb.append("> Signed-off-by: ")
                .append(r.nextInt(100) < 20 ? author.maskedForm() : author.trailerForm()).append("\n> ---\n");
        String file = Prose.pick(r, Vocabulary.MLX5_IB.files());
        sb.append(">  ").append(file).append(" | 12 +++++++-----\n");
        sb.append("> @@ -120,7 +120,9 @@ static int ").append(Prose.pick(r, Vocabulary.FUNCS)).append("(struct ")
                .append(Prose.pick(r, Vocabulary.IDENTS)).append(" *dev)\n");
        for (String prefix : new String[] {">  ", "> -", "> +"}) {
            sb.append(prefix);
            Prose.cLine(sb, r, 0);
            sb.append('\n');
        }
    }

    /** The maintainer's "Applied, thanks" mail listing each patch with its commit. */
    static void applied(Run run, Person maintainer, Person author, Draft base, String target, String subject,
                        String[] titles) {
        SplittableRandom r = run.r;
        long t = run.tick(3600, 3 * 86_400);
        Draft d = new Draft();
        d.kind = Draft.Kind.REPLY;
        d.from = maintainer;
        d.to = author.trailerForm();
        d.cc = base.to;
        d.listId = base.listId;
        d.time = t;
        d.subject = subject;
        d.inReplyTo = target;
        d.references = List.of(target);
        d.mailer = "b4 0.14.2";
        d.messageId = run.clientId(maintainer);
        StringBuilder sb = d.text;
        sb.append("On ");
        MailDate.rfc5322(sb, t - r.nextInt(86_400, 5 * 86_400), 0);
        sb.append(", ").append(author.name()).append(" wrote:\n> ").append(titles[0]).append("\n\nApplied, thanks!\n\n");
        for (int k = 1; k <= titles.length; k++) {
            sb.append('[').append(k).append('/').append(titles.length).append("] ").append(titles[k - 1]).append('\n')
                    .append("      commit: ");
            Prose.hex(sb, r, 12).append('\n');
        }
        sb.append("\nBest regards,\n-- \n").append(maintainer.name()).append('\n');
        run.emit(d);
    }
}
