package org.patchlane.view;

import java.util.Locale;

/**
 * A count with its noun in the right number ("1 message", "2 messages", "1,024 patches"), for every count the CLI
 * and the web pages print. The plural is the singular plus "s" unless given: English has too many exceptions
 * (patch → patches, series → series) for a rule to guess them.
 */
public final class Plural {
    private Plural() {
    }

    /** {@code count} and {@code singular}, or {@code singular + "s"} when the count is not 1. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** {@code count} and {@code singular} or {@code plural}; the count with thousands separators. */
    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : plural);
    }
}
