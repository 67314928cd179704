package org.patchlane.mail;

/**
 * Splits text into the author's own lines and quoted lines: a line is quoted when its first non-blank character
 * is {@code >}. Attribution lines ("On Mon, ... X wrote:") are the author's and stay in {@code own}.
 */
public final class Quotes {
    private Quotes() {
    }

    /** True when the line is a quote ({@code >} after optional leading spaces or tabs). */
    public static boolean isQuoted(CharSequence line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '>') return true;
            if (c != ' ' && c != '\t') return false;
        }
        return false;
    }

    /** Builds the body record: own and quoted lines of {@code text}, each line ending with a newline. */
    public static BodyText split(String text, java.util.List<String> attachments) {
        StringBuilder own = new StringBuilder(text.length());
        StringBuilder quoted = new StringBuilder();
        int n = text.length();
        int start = 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = n;
            CharSequence line = text.subSequence(start, end);
            (isQuoted(line) ? quoted : own).append(line).append('\n');
            start = end + 1;
        }
        return new BodyText(text, own.toString(), quoted.toString(), attachments);
    }
}
