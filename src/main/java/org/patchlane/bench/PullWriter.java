package org.patchlane.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes {@code [GIT PULL]} mails in {@code git request-pull} format, and the replies they draw. */
final class PullWriter {
    private PullWriter() {
    }

    private static final String[] REPOS = {"rdma/rdma", "mellanox/linux", "netdev/net-next", "akpm/mm"};

    static void write(Run run) {
        SplittableRandom r = run.r;
        Person maintainer = Prose.pick(r, Vocabulary.MAINTAINERS);
        Vocabulary.MailList list = Prose.pick(r, Vocabulary.LISTS);
        Vocabulary.Area area = Prose.pick(r, list.areas());
        long t = run.tick(600, 20_000);
        int release = r.nextInt(14, 21);
        int rc = r.nextInt(1, 8);
        StringBuilder day = new StringBuilder(10);
        MailDate.iso(day, t, 0);
        String date = day.substring(0, 10);
        String tag = Prose.pick(r, new String[] {"for-linus", "for-next", "mlx5-updates-" + date,
            "rdma-fixes-" + date});
        String subject = Prose.pick(r, new String[] {"[GIT PULL] Please pull RDMA subsystem changes",
            "[GIT PULL] rdma fixes for 6." + release + "-rc" + rc, "[GIT PULL] mlx5-next " + date,
            "[GIT PULL net-next] mlx5 updates " + date, "[PULL] mm-hotfixes-stable " + date});
        Map<String, java.util.ArrayList<String>> shortlog = new LinkedHashMap<>();
        for (int i = r.nextInt(2, 26); i > 0; i--) {
            shortlog.computeIfAbsent(Prose.pick(r, Vocabulary.PEOPLE).name(), k -> new java.util.ArrayList<>())
                    .add(area.prefix() + ": " + Prose.pick(r, Vocabulary.VERBS) + " " + Prose.pick(r, Vocabulary.OBJECTS));
        }
        Draft d = new Draft();
        d.kind = Draft.Kind.PULL;
        d.from = maintainer;
        d.to = Vocabulary.LINUS.trailerForm();
        d.cc = list.address() + ", " + Prose.pick(r, Vocabulary.PEOPLE).trailerForm();
        d.subject = subject;
        d.time = t;
        d.listId = list.listId();
        d.mailer = "Mutt/2.2.13 (2024-03-09)";
        d.messageId = run.clientId(maintainer);
        StringBuilder sb = d.text;
        sb.append("Hi Linus,\n\n");
        Prose.paragraph(sb, r, 2);
        sb.append("\nThanks\n\nThe following changes since commit ").append(run.sha()).append(":\n\n  Linux 6.")
                .append(release).append("-rc").append(rc).append(" (");
        MailDate.iso(sb, t - 6 * 86_400L - r.nextInt(86_400), -420);
        String repo = Prose.pick(r, REPOS);
        sb.append(")\n\nare available in the Git repository at:\n\n  https://git.kernel.org/pub/scm/linux/kernel/git/")
                .append(repo).append(".git tags/").append(tag).append("\n\nfor you to fetch changes up to ")
                .append(run.sha()).append(":\n\n  ").append(shortlog.values().iterator().next().get(0)).append(" (");
        MailDate.iso(sb, t - r.nextInt(3600, 86_400), 120);
        sb.append(")\n\n").append("-".repeat(64)).append('\n');
        Prose.paragraph(sb, r, 3);
        sb.append("-".repeat(64)).append('\n');
        for (Map.Entry<String, java.util.ArrayList<String>> e : shortlog.entrySet()) {
            sb.append(e.getKey()).append(" (").append(e.getValue().size()).append("):\n");
            for (String s : e.getValue()) {
                sb.append("      ").append(s).append('\n');
            }
            sb.append('\n');
        }
        List<String> pool = new java.util.ArrayList<>(area.files());
        int nf = Math.min(4, pool.size());
        String[] files = new String[nf];
        int[] ins = new int[nf];
        int[] del = new int[nf];
        for (int i = 0; i < nf; i++) {
            files[i] = pool.remove(r.nextInt(pool.size()));
            ins[i] = r.nextInt(0, 41);
            del[i] = r.nextInt(0, 21);
        }
        DiffWriter.diffstat(sb, files, ins, del);
        run.emit(d);
        if (r.nextInt(100) < 80 && !run.full()) {
            reply(run, d, repo, tag);
        }
    }

    private static void reply(Run run, Draft pull, String repo, String tag) {
        SplittableRandom r = run.r;
        long t = pull.time + r.nextInt(2, 97) * 3600L;
        Draft d = new Draft();
        d.kind = Draft.Kind.REPLY;
        d.from = Vocabulary.PR_BOT;
        d.to = pull.from.trailerForm();
        d.cc = pull.cc;
        d.listId = pull.listId;
        d.subject = "Re: " + pull.subject;
        d.time = t;
        d.inReplyTo = pull.messageId;
        d.references = List.of(pull.messageId);
        d.messageId = run.clientId(Vocabulary.PR_BOT);
        StringBuilder sb = d.text;
        sb.append("The pull request you sent on ");
        MailDate.rfc5322(sb, pull.time, 0);
        sb.append(":\n\n> https://git.kernel.org/pub/scm/linux/kernel/git/").append(repo).append(".git tags/")
                .append(tag).append("\n\nhas been merged into torvalds/linux.git:\n"
                        + "https://git.kernel.org/torvalds/c/").append(run.sha())
                .append("\n\nThank you!\n\n-- \nDeet-doot-dot, I am a bot.\n"
                        + "https://korg.docs.kernel.org/prtracker.html\n");
        run.emit(d);
    }
}
