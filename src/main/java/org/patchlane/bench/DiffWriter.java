package org.patchlane.bench;

import java.util.SplittableRandom;

/**
 * Writes a patch's diffstat and unified diff whose hunk headers agree with their bodies
 * ({@code @@ -a,b +c,d @@}: b = context + removed lines, d = context + added lines, c shifted by the
 * earlier hunks' net change), so a parser or {@code git apply} reading them sees a consistent diff.
 */
final class DiffWriter {
    private DiffWriter() {
    }

    /**
     * Appends {@code diffstat}, a blank line and the diff for {@code files}, all drawn from {@code r}.
     * Infrastructure areas sometimes gain an {@code EXPORT_SYMBOL_GPL()} line, as API-adding series do.
     *
     * @return the number of hunks written
     */
    static int write(StringBuilder sb, SplittableRandom r, String[] files, boolean infrastructure) {
        StringBuilder diff = new StringBuilder(2048 * files.length);
        int[] ins = new int[files.length];
        int[] del = new int[files.length];
        int hunks = 0;
        for (int f = 0; f < files.length; f++) {
            String path = files[f];
            diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n').append("index ");
            Prose.hex(diff, r, 12).append("..");
            Prose.hex(diff, r, 12).append(" 100644\n");
            diff.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
            int line = r.nextInt(20, 301);
            int n = r.nextInt(1, 5);
            for (int h = 0; h < n; h++) {
                int nd = r.nextInt(0, 5);
                int na = r.nextInt(1, 8);
                diff.append("@@ -").append(line).append(',').append(6 + nd).append(" +")
                        .append(line + ins[f] - del[f]).append(',').append(6 + na).append(" @@ static int ")
                        .append(Prose.pick(r, Vocabulary.FUNCS)).append("(struct ")
                        .append(Prose.pick(r, Vocabulary.IDENTS)).append(" *dev)\n");
                context(diff, r, 3);
                for (int i = 0; i < nd; i++) {
                    diff.append('-');
                    Prose.cLine(diff, r, r.nextInt(1, 3));
                    diff.append('\n');
                }
                boolean export = infrastructure && path.endsWith(".c") && h == n - 1 && r.nextInt(4) == 0;
                for (int i = 0; i < na; i++) {
                    diff.append('+');
                    if (export && i == na - 1) {
                        diff.append("EXPORT_SYMBOL_GPL(").append(Prose.pick(r, Vocabulary.FUNCS)).append("_")
                                .append(Prose.pick(r, Vocabulary.WORDS)).append(");");
                    } else {
                        Prose.cLine(diff, r, r.nextInt(1, 3));
                    }
                    diff.append('\n');
                }
                context(diff, r, 3);
                ins[f] += na;
                del[f] += nd;
                line += 6 + nd + r.nextInt(10, 121);
                hunks++;
            }
        }
        diffstat(sb, files, ins, del);
        sb.append('\n').append(diff);
        return hunks;
    }

    private static void context(StringBuilder sb, SplittableRandom r, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
            Prose.cLine(sb, r, 1);
            sb.append('\n');
        }
    }

    /** The {@code git diff --stat} block: one line per file and the summary line. */
    static void diffstat(StringBuilder sb, String[] files, int[] ins, int[] del) {
        int width = 0;
        for (String f : files) {
            width = Math.max(width, f.length());
        }
        int ti = 0;
        int td = 0;
        for (int i = 0; i < files.length; i++) {
            sb.append(' ').append(files[i]);
            pad(sb, width - files[i].length());
            int total = ins[i] + del[i];
            sb.append(" | ");
            if (total < 10) {
                sb.append(' ');
            }
            sb.append(total).append(' ');
            sb.append("+".repeat(ins[i])).append("-".repeat(del[i])).append('\n');
            ti += ins[i];
            td += del[i];
        }
        int n = files.length;
        sb.append(' ').append(n).append(n == 1 ? " file changed" : " files changed");
        if (ti > 0 || td == 0) {
            sb.append(", ").append(ti).append(ti == 1 ? " insertion(+)" : " insertions(+)");
        }
        if (td > 0) {
            sb.append(", ").append(td).append(td == 1 ? " deletion(-)" : " deletions(-)");
        }
        sb.append('\n');
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }
}
