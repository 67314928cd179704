package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subject taken apart: reply prefixes, bracketed tags, version and counter, title.
 *
 * @param reply    true when a reply/forward prefix (Re:, AW:, Fwd:, ...) was stripped
 * @param prefixes every bracketed token in order as written, upper-cased keywords kept as written
 *                 ({@code ["PATCH", "net-next", "v2", "09/10"]})
 * @param version  1 when no {@code vN} tag is present
 * @param index    the counter's k ({@code 0} for a cover), or -1 when there is no counter
 * @param total    the counter's N, or -1 when there is no counter
 * @param title    what remains after the tags, trimmed
 * @param patch    a PATCH tag is present
 * @param rfc      an RFC tag is present
 * @param resend   a RESEND tag is present
 * @param pull     a PULL or GIT PULL tag is present
 * @param trees    tree/subsystem tags ({@code net-next}, {@code mm}, {@code rdma-next})
 */
public record SubjectTags(boolean reply, List<String> prefixes, int version, int index, int total, String title,
                          boolean patch, boolean rfc, boolean resend, boolean pull, List<String> trees) {
    public SubjectTags {
        prefixes = List.copyOf(prefixes);
        trees = List.copyOf(trees);
    }

    /** "Re:", "RE:", "Fwd:", "Fw:", "AW:", "SV:", "Re[2]:" ... as mail clients write them. */
    private static final Pattern REPLY_PREFIX =
            Pattern.compile("^(?i:re|fwd?|aw|sv|antw|vs|wg|odp)(?:\\[\\d+])?\\s*:\\s*");
    private static final Pattern COUNTER = Pattern.compile("(\\d+)/(\\d+)");
    /** {@code v2}, {@code V3}, {@code v5.1} (minor kept only in the prefixes). */
    private static final Pattern VERSION = Pattern.compile("[vV](\\d{1,4})(?:\\.\\d+)?");
    /** The version inside a version token or glued tag, minor kept. */
    private static final Pattern LABEL = Pattern.compile("(?i)^(?:patch|rfc)?v(\\d{1,4})(\\.\\d+)?$");
    /** Glued forms some senders use: {@code PATCHv2}, {@code RFCv3}. */
    private static final Pattern GLUED = Pattern.compile("(?i)(patch|rfc)(v\\d{1,4}(?:\\.\\d+)?)");

    /**
     * The version as written, minor included: {@code "5.1"} for {@code v5.1} (a partial reroll), {@code "2"} for
     * {@code v2}, {@code "1"} when none.
     */
    public String versionLabel() {
        for (String t : prefixes) {
            Matcher m = LABEL.matcher(t);
            if (m.matches() && m.group(2) != null && Integer.parseInt(m.group(1)) == version) {
                return version + m.group(2);
            }
        }
        return Integer.toString(version);
    }

    /**
     * Takes a subject apart. Never throws; an unbalanced {@code [} ends the tags and the rest is the title.
     * A reply prefix after the brackets ({@code [dpdk-dev] Re: [PATCH] x}, as list managers write it) also
     * marks a reply, and tag parsing goes on after it.
     *
     * @param subject the decoded subject, may be null
     */
    public static SubjectTags parse(String subject) {
        Builder b = new Builder();
        String rest = subject == null ? "" : subject.strip();
        while (true) {
            Matcher m = REPLY_PREFIX.matcher(rest);
            if (m.lookingAt()) {
                b.reply = true;
                rest = rest.substring(m.end()).stripLeading();
                continue;
            }
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) break;
                b.group(rest.substring(1, close));
                rest = rest.substring(close + 1).stripLeading();
                continue;
            }
            break;
        }
        return b.build(rest.strip());
    }

    /** Collects tokens of the bracketed groups. */
    private static final class Builder {
        boolean reply, patch, rfc, resend, pull;
        int version = -1, index = -1, total = -1;
        final List<String> prefixes = new ArrayList<>();
        final List<String> trees = new ArrayList<>();

        void group(String content) {
            List<String> tokens = new ArrayList<>();
            for (String t : content.split("[\\s,]+")) {
                if (t.isEmpty()) continue;
                if (COUNTER.matcher(t).matches()) {
                    tokens.add(t);
                } else {
                    for (String part : t.split("/")) if (!part.isEmpty()) tokens.add(part);
                }
            }
            boolean pullGroup = tokens.stream().anyMatch(t -> t.equalsIgnoreCase("pull"));
            for (String t : tokens) token(t, pullGroup);
        }

        private void token(String t, boolean pullGroup) {
            prefixes.add(t);
            Matcher counter = COUNTER.matcher(t);
            Matcher glued = GLUED.matcher(t);
            Matcher version = VERSION.matcher(t);
            String upper = t.toUpperCase(Locale.ROOT);
            if (counter.matches()) {
                if (index < 0) {
                    index = parseInt(counter.group(1));
                    total = parseInt(counter.group(2));
                }
            } else if (version.matches()) {
                if (this.version < 0) this.version = parseInt(version.group(1));
            } else if (glued.matches()) {
                keyword(glued.group(1).toUpperCase(Locale.ROOT));
                Matcher v = VERSION.matcher(glued.group(2));
                if (v.matches() && this.version < 0) this.version = parseInt(v.group(1));
            } else if (!keyword(upper) && !(pullGroup && (upper.equals("GIT") || upper.equals("REQUEST")))) {
                trees.add(t);
            }
        }

        private boolean keyword(String upper) {
            switch (upper) {
                case "PATCH", "PATCHES" -> patch = true;
                case "RFC" -> rfc = true;
                case "RESEND" -> resend = true;
                case "PULL" -> pull = true;
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** Counters and versions are short digit runs (the patterns cap them), so this cannot overflow. */
        private static int parseInt(String digits) {
            return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }

        SubjectTags build(String title) {
            // k > N is kept: an extra patch ("[PATCH 4/3]") is a finding on its series, not an unnumbered patch.
            boolean counted = total > 0 && index >= 0;
            return new SubjectTags(reply, prefixes, version < 0 ? 1 : version, counted ? index : -1,
                    counted ? total : -1, title, patch, rfc, resend, pull, trees);
        }
    }
}
