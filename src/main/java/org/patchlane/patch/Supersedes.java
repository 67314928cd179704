package org.patchlane.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Caseless;

/** Patchew's {@code Supersedes: <msgid>} lines: this mail (or the one it replies to) replaces the one named. */
public final class Supersedes {
    private Supersedes() {
    }

    /** {@code Supersedes: <id>}, or a bare {@code id@host}. */
    private static final Pattern LINE =
            Pattern.compile("(?im)^Supersedes:[ \\t]*(?:<([^<>\\s]+)>|([^<>\\s]+@[^<>\\s]+))[ \\t]*$");

    /** The Message-IDs named, brackets stripped, first-seen order; only unquoted text should be passed. */
    public static List<String> parse(String ownText) {
        Set<String> ids = new LinkedHashSet<>();
        if (ownText != null && Caseless.contains(ownText, "supersedes:")) {
            Matcher m = LINE.matcher(ownText);
            while (m.find()) ids.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return new ArrayList<>(ids);
    }
}
