package org.patchlane.mail;

/**
 * A quick test of whether text can hold a word in any ASCII case, before a case-insensitive regular expression
 * scans it: Java's {@code (?i)} finds try the pattern at every position, which made such passes over whole bodies
 * a few percent of ingest time although almost no body holds the word.
 */
public final class Caseless {
    private Caseless() {
    }

    /**
     * True when {@code text} holds {@code word} with ASCII letters in any case. Never false where a
     * {@code (?i)} pattern (ASCII case folding) would find the word.
     *
     * @param word lower-case ASCII
     */
    public static boolean contains(String text, String word) {
        int n = word.length();
        if (n == 0) return true;
        char first = word.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && text.regionMatches(true, i, word, 0, n)) return true;
        }
        return false;
    }
}
