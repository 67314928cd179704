package org.patchlane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Writes discussion threads: a bug report or question and up to six replies, branching at random. */
final class DiscussionWriter {
    private DiscussionWriter() {
    }

    static void write(Run run) {
        SplittableRandom r = run.r;
        Vocabulary.MailList list = Prose.pick(r, Vocabulary.LISTS);
        Person starter = r.nextInt(10) == 0 ? Vocabulary.TEST_ROBOT : Prose.pick(r, Vocabulary.PEOPLE);
        Draft d = new Draft();
        d.kind = Draft.Kind.OTHER;
        d.from = starter;
        d.to = list.address();
        d.cc = Prose.pick(r, Vocabulary.MAINTAINERS).trailerForm();
        d.listId = list.listId();
        d.time = run.tick(600, 20_000);
        d.subject = switch (r.nextInt(4)) {
            case 0 -> "[BUG] " + Prose.pick(r, new String[] {"KASAN", "lockdep", "WARNING", "UBSAN"}) + " splat in "
                    + Prose.pick(r, Vocabulary.FUNCS) + "()";
            case 1 -> "Question about " + Prose.pick(r, Vocabulary.OBJECTS);
            case 2 -> "[syzbot] [rdma?] possible deadlock in " + Prose.pick(r, Vocabulary.FUNCS);
            default -> Prose.pick(r, Vocabulary.OBJECTS) + " regression on "
                    + Prose.pick(r, new String[] {"ConnectX-6", "ConnectX-7", "BlueField-3"});
        };
        d.mailer = Prose.pick(r, Vocabulary.TEXT_MAILERS);
        d.messageId = run.clientId(starter);
        d.shape = run.replyShape(starter);
        StringBuilder sb = d.text.append("Hi all,\n\n");
        Prose.paragraph(sb, r, 5);
        sb.append('\n');
        if (r.nextInt(100) < 20) {
            // a body line starting "From " is what mboxrd escaping exists for
            sb.append("From the trace above, ");
            Prose.wrap(sb, sentenceText(r), "");
            sb.append('\n');
        }
        Prose.paragraph(sb, r, 3);
        sb.append("\nThanks,\n").append(starter.name()).append('\n');
        run.emit(d);
        List<String> ids = new ArrayList<>();
        List<Person> authors = new ArrayList<>();
        ids.add(d.messageId);
        authors.add(starter);
        for (int i = r.nextInt(0, 7); i > 0 && !run.full(); i--) {
            int parent = r.nextInt(ids.size());
            Person p = Prose.pick(r, Vocabulary.PEOPLE);
            Draft reply = new Draft();
            reply.kind = Draft.Kind.REPLY;
            reply.from = p;
            reply.to = list.address();
            reply.cc = authors.get(parent).trailerForm();
            reply.listId = list.listId();
            reply.time = run.tick(300, 40_000);
            reply.subject = "Re: " + d.subject;
            reply.inReplyTo = ids.get(parent);
            reply.references = List.copyOf(ids.subList(Math.max(0, parent - 5), parent + 1));
            reply.shape = run.replyShape(p);
            reply.mailer = reply.shape == BodyShape.HTML_ONLY || reply.shape == BodyShape.ALTERNATIVE
                    ? Prose.pick(r, Vocabulary.HTML_MAILERS) : Prose.pick(r, Vocabulary.TEXT_MAILERS);
            reply.messageId = r.nextInt(10_000) < 15 ? null : run.clientId(p);
            StringBuilder rb = reply.text.append("On ");
            MailDate.rfc5322(rb, reply.time - r.nextInt(600, 20_000), 0);
            rb.append(", ").append(authors.get(parent).name()).append(" wrote:\n");
            StringBuilder quoted = new StringBuilder(400);
            Prose.paragraph(quoted, r, 2);
            Prose.wrap(rb, quoted.toString().replace('\n', ' '), "> ");
            if (r.nextInt(100) < 3) {
                rb.append(">From the log it is the same splat.\n");
            }
            rb.append('\n');
            Prose.paragraph(rb, r, 3);
            rb.append('\n').append(p.name()).append('\n');
            run.emit(reply);
            if (reply.messageId != null) {
                ids.add(reply.messageId);
                authors.add(p);
            }
        }
    }

    private static String sentenceText(SplittableRandom r) {
        StringBuilder s = new StringBuilder(120);
        Prose.sentence(s, r, 8, 16);
        s.setCharAt(0, Character.toLowerCase(s.charAt(0)));
        return s.toString();
    }
}
