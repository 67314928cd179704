package org.patchlane.review;

import java.util.List;
import java.util.Objects;

/**
 * What a reply says happened to the patches it answers: a maintainer's "Applied, thanks!" (in {@code b4 ty}'s shape,
 * with one entry per patch and its commit) or pr-tracker-bot's "has been merged into" notice.
 *
 * @param kind    applied or merged
 * @param tree    the tree as the mail names it ({@code for-next}, {@code
 *                https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-5.5}, {@code torvalds/linux.git}),
 *                "" when it names none
 * @param entries b4 ty's {@code [n/m] subject} lines with their commits; for a merge, the one merge commit; empty
 *                for a bare "Applied, thanks." (it is about the message it answers)
 */
public record MailNotice(Kind kind, String tree, List<Entry> entries) {
    public MailNotice {
        Objects.requireNonNull(kind, "kind");
        tree = tree == null ? "" : tree;
        entries = List.copyOf(entries);
    }

    public enum Kind {
        APPLIED, MERGED;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One patch a notice names, or a merge's commit.
     *
     * @param index  n of {@code [n/m]}, 0 for a merge
     * @param total  m of {@code [n/m]}, 0 for a merge
     * @param title  the patch's subject as the notice prints it, "" for a merge
     * @param commit the commit id (hex), "" when the notice gives none ({@code (no commit info)})
     * @param url    the commit's URL, "" when the notice gives only the id
     */
    public record Entry(int index, int total, String title, String commit, String url) {
        public Entry {
            title = title == null ? "" : title;
            commit = commit == null ? "" : commit;
            url = url == null ? "" : url;
        }
    }
}
