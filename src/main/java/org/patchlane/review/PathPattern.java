package org.patchlane.review;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A file pattern as MAINTAINERS {@code F:}/{@code X:} lines and {@code [area] path =} write it, matched the way
 * {@code get_maintainer.pl} matches it. Immutable.
 *
 * <ul>
 *   <li>{@code drivers/net/} (trailing slash): that directory and everything below it;</li>
 *   <li>{@code drivers/net/*}, {@code drivers/net/bcm*.[ch]}: the files the glob names in that directory, not
 *       below; {@code *}, {@code ?} and {@code [...]} never match a {@code /};</li>
 *   <li>{@code drivers/net/foo.c}, {@code drivers/net/foo}: that file, or, when it names a directory (the file
 *       has no tree to ask, so both are tried), everything below it.</li>
 * </ul>
 * Specificity is {@code get_maintainer.pl}'s: the number of {@code /} in the pattern, plus one when it does not end
 * in {@code /}; a pattern starting with {@code *} (THE REST's {@code *} and {@code *&#47;}) counts -1.
 */
public final class PathPattern {
    private enum Reach { BELOW, EXACT, EXACT_OR_BELOW }

    private final String text;
    private final String body;
    private final Reach reach;
    private final String literalPrefix;
    private final Pattern glob;
    private final int depth;

    private PathPattern(String text, String body, Reach reach, String literalPrefix, Pattern glob, int depth) {
        this.text = text;
        this.body = body;
        this.reach = reach;
        this.literalPrefix = literalPrefix;
        this.glob = glob;
        this.depth = depth;
    }

    /** @throws IllegalArgumentException for an empty pattern, an empty component or an unclosed {@code [} */
    public static PathPattern parse(String text) {
        String t = text == null ? "" : text.strip();
        boolean directory = t.endsWith("/");
        String body = directory ? t.substring(0, t.length() - 1) : t;
        if (body.isEmpty()) throw new IllegalArgumentException("empty file pattern");
        List<String> parts = List.of(body.split("/", -1));
        if (parts.contains("")) throw new IllegalArgumentException("empty path component in " + t);
        int firstGlob = 0;
        while (firstGlob < parts.size() && !hasGlob(parts.get(firstGlob))) firstGlob++;
        String prefix = String.join("/", parts.subList(0, firstGlob));
        Reach reach = directory ? Reach.BELOW
                : hasGlob(parts.get(parts.size() - 1)) ? Reach.EXACT : Reach.EXACT_OR_BELOW;
        Pattern glob = firstGlob == parts.size() ? null : Pattern.compile(regex(body) + switch (reach) {
            case BELOW -> "/.*";
            case EXACT -> "";
            case EXACT_OR_BELOW -> "(?:/.*)?";
        });
        int slashes = (int) t.chars().filter(c -> c == '/').count();
        int depth = t.startsWith("*") ? -1 : slashes + (directory ? 0 : 1);
        return new PathPattern(t, body, reach, prefix, glob, depth);
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** Specificity: larger is more specific (see the class comment). */
    public int depth() {
        return depth;
    }

    /** The pattern's leading components that hold no glob ("" for {@code *}); every matching path starts with them. */
    public String literalPrefix() {
        return literalPrefix;
    }

    /** The components of the pattern without its trailing slash. */
    public List<String> components() {
        return List.of(body.split("/"));
    }

    /** True for a pattern ending in {@code /}. */
    public boolean directory() {
        return reach == Reach.BELOW;
    }

    /** True when the last component holds no glob, so the pattern can name a directory without its slash. */
    public boolean literalEnd() {
        return reach != Reach.EXACT;
    }

    /** True when {@code path} (relative to the tree's top, no leading slash) is covered. Cost: one regex at most. */
    public boolean matches(String path) {
        if (glob != null) return glob.matcher(path).matches();
        return switch (reach) {
            case BELOW -> path.length() > body.length() && path.startsWith(body) && path.charAt(body.length()) == '/';
            case EXACT -> path.equals(body);
            case EXACT_OR_BELOW -> path.startsWith(body)
                    && (path.length() == body.length() || path.charAt(body.length()) == '/');
        };
    }

    static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    private static String regex(String glob) {
        StringBuilder sb = new StringBuilder(glob.length() + 16);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append("[^/]*");
                case '?' -> sb.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) throw new IllegalArgumentException("unclosed [ in " + glob);
                    String set = glob.substring(i + 1, end);
                    boolean negated = set.startsWith("!") || set.startsWith("^");
                    if (negated) set = set.substring(1);
                    sb.append(negated ? "[^/" : "[");
                    for (char s : set.toCharArray()) {
                        if (s == '\\' || s == '[' || s == '&' || s == '^') sb.append('\\');
                        sb.append(s);
                    }
                    sb.append(']');
                    i = end;
                }
                default -> {
                    if (!Character.isLetterOrDigit(c)) sb.append('\\');
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
