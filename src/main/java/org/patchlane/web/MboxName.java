package org.patchlane.web;

/**
 * The file name public-inbox gives a downloaded mbox ({@code Content-Disposition}), so a saved download is named as
 * lore's would be: the first line of the subject or query, each run of characters other than letters, digits,
 * {@code _} and {@code .} made one {@code -}, runs of dots made one, leading and trailing dots and dashes cut;
 * {@code no-subject} when nothing is left. Nothing of it can end the header or escape a directory.
 */
final class MboxName {
    private MboxName() {
    }

    static String of(String text) {
        String first = text == null ? "" : text.split("\r?\n", 2)[0];
        String s = first.replaceAll("[^A-Za-z0-9_.]+", "-").replaceAll("\\.{2,}", ".")
                .replaceAll("[.-]+$", "").replaceAll("^[.-]+", "");
        return s.isEmpty() ? "no-subject" : s;
    }
}
