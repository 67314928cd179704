package org.patchlane.bench;

import java.util.SplittableRandom;

/** Filler text, identifiers and hex strings drawn from {@link Vocabulary}; everything appends to a builder. */
final class Prose {
    private Prose() {
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] ARGS = {"in", "out", "mkey", "npages"};
    private static final String[] LABELS = {"free", "unlock", "destroy", "umem"};
    private static final String[] OWNERS = {"dev", "ent", "priv"};
    private static final String[] LOCKS = {"lock", "cache_lock", "state_lock"};
    private static final String[] RETURNS = {"0", "err", "-EINVAL", "-ENOMEM", "ret"};
    private static final String[] DBG_ARGS = {"err", "npages", "i"};
    private static final String[] OBJS = {"mr", "qp", "rq", "ent"};
    private static final String[] FIELDS = {"state", "flags", "npages", "access_flags"};
    private static final String[] VALUES = {"0", "flags", "true", "MLX5_MKC_ACCESS_MODE_MTT"};
    private static final String[] BOUNDS = {"npages", "num_entries", "MLX5_MAX_PORTS"};

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    static <T> T pick(SplittableRandom r, java.util.List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** {@code n} random lower-case hex digits. */
    static StringBuilder hex(StringBuilder sb, SplittableRandom r, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(HEX[r.nextInt(16)]);
        }
        return sb;
    }

    static String hex(SplittableRandom r, int n) {
        return hex(new StringBuilder(n), r, n).toString();
    }

    /** One sentence of list-flavoured words, sometimes naming a function or a struct. */
    static void sentence(StringBuilder sb, SplittableRandom r, int lo, int hi) {
        int n = r.nextInt(lo, hi + 1);
        int start = sb.length();
        int fn = r.nextInt(10) < 3 ? r.nextInt(n) : -1;
        int st = r.nextInt(10) < 3 ? r.nextInt(n) : -1;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            if (i == fn) {
                sb.append(pick(r, Vocabulary.FUNCS)).append("() ");
            }
            if (i == st) {
                sb.append("struct ").append(pick(r, Vocabulary.IDENTS)).append(' ');
            }
            sb.append(pick(r, Vocabulary.WORDS));
        }
        sb.setCharAt(start, Character.toUpperCase(sb.charAt(start)));
        sb.append('.');
    }

    /** A paragraph of {@code sentences} sentences wrapped at 72 columns, each line ended by a newline. */
    static void paragraph(StringBuilder sb, SplittableRandom r, int sentences) {
        StringBuilder flat = new StringBuilder(120 * sentences);
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                flat.append(' ');
            }
            sentence(flat, r, 6, 18);
        }
        wrap(sb, flat, "");
    }

    /** Word-wraps {@code text} at 72 columns, each output line prefixed by {@code prefix}. */
    static void wrap(StringBuilder sb, CharSequence text, String prefix) {
        int len = text.length();
        int i = 0;
        while (i < len) {
            int lineEnd = Math.min(len, i + 72);
            if (lineEnd < len) {
                int cut = lineEnd;
                while (cut > i && text.charAt(cut) != ' ') {
                    cut--;
                }
                lineEnd = cut > i ? cut : lineEnd;
            }
            sb.append(prefix).append(text, i, lineEnd).append('\n');
            i = lineEnd;
            while (i < len && text.charAt(i) == ' ') {
                i++;
            }
        }
    }

    /** One plausible line of kernel C at the given tab depth (no newline). */
    static void cLine(StringBuilder sb, SplittableRandom r, int indent) {
        for (int i = 0; i < indent; i++) {
            sb.append('\t');
        }
        String id = pick(r, Vocabulary.IDENTS);
        switch (r.nextInt(12)) {
            case 0 -> sb.append("struct ").append(id).append(" *").append(id, id.lastIndexOf('_') + 1, id.length())
                    .append(" = ").append(pick(r, Vocabulary.FUNCS)).append("(dev);");
            case 1 -> sb.append("err = ").append(pick(r, Vocabulary.FUNCS)).append("(dev, ")
                    .append(pick(r, ARGS)).append(", ")
                    .append(r.nextInt(4097)).append(");");
            case 2 -> sb.append("if (err)");
            case 3 -> sb.append("\tgoto err_").append(pick(r, LABELS))
                    .append(';');
            case 4 -> sb.append("mutex_lock(&").append(pick(r, OWNERS)).append("->")
                    .append(pick(r, LOCKS)).append(");");
            case 5 -> sb.append("mutex_unlock(&").append(pick(r, OWNERS))
                    .append("->lock);");
            case 6 -> sb.append("return ").append(pick(r, RETURNS))
                    .append(';');
            case 7 -> {
                sb.append("/* ");
                int at = sb.length();
                sentence(sb, r, 4, 9);
                sb.setLength(sb.length() - 1);
                sb.setCharAt(at, Character.toLowerCase(sb.charAt(at)));
                sb.append(" */");
            }
            case 8 -> sb.append("mlx5_ib_dbg(dev, \"").append(pick(r, Vocabulary.WORDS)).append(' ')
                    .append(pick(r, Vocabulary.WORDS)).append(" %d\\n\", ")
                    .append(pick(r, DBG_ARGS)).append(");");
            case 9 -> sb.append(pick(r, OBJS)).append("->")
                    .append(pick(r, FIELDS)).append(" = ")
                    .append(pick(r, VALUES)).append(';');
            case 10 -> sb.append("for (i = 0; i < ")
                    .append(pick(r, BOUNDS)).append("; i++) {");
            default -> sb.append('}');
        }
    }
}
