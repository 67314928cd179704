package org.patchlane.pull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pull requests have versions too: a request re-sent is the next version of the earlier one, which is then
 * superseded and no longer pending. A later request replaces an earlier one from the same sender when it names it
 * in a {@code Supersedes: <msgid>} line (as QEMU's maintainers write), when it announces the same repository and
 * ref again, or when it has the same title once version and retry marks are dropped ({@code [GIT PULL v2]},
 * "(second try)", "RESEND").
 */
public final class PullVersions {
    private static final Pattern RETRY = Pattern.compile(
            "(?i)\\s*[(\\[](?:second|third|fourth|\\d+(?:st|nd|rd|th)|another|re-?sent|v\\d+)\\s*(?:try|attempt|version)?[)\\]]\\s*");

    private PullVersions() {
    }

    /**
     * One request mail with what the chain says of it.
     *
     * @param request    the request
     * @param version    1 for the first posting, 2 for the request that replaced it...
     * @param supersedes the request it replaces, or null
     * @param supersededBy the request that replaces it, or null
     */
    public record Versioned(PendingPull request, int version, String supersedes, String supersededBy) {
    }

    /**
     * Chains requests oldest first; {@code named} maps a request's Message-ID to the Message-IDs its Supersedes
     * lines name; a {@code merged} request is never replaced (the same branch sent again later is a new request).
     */
    public static List<Versioned> chain(List<PendingPull> requests, Map<String, List<String>> named,
                                        java.util.Set<String> merged) {
        List<PendingPull> byDate = new ArrayList<>(requests);
        byDate.sort(java.util.Comparator.comparing(PendingPull::date).thenComparing(PendingPull::messageId));
        Map<String, Integer> version = new HashMap<>();
        Map<String, String> supersedes = new HashMap<>(), supersededBy = new HashMap<>();
        for (int i = 0; i < byDate.size(); i++) {
            PendingPull b = byDate.get(i);
            PendingPull earlier = null;
            for (int j = i - 1; j >= 0 && earlier == null; j--) {
                PendingPull a = byDate.get(j);
                if (supersededBy.containsKey(a.messageId()) || merged.contains(a.messageId())) continue;
                if (replaces(b, a, named.getOrDefault(b.messageId(), List.of()))) earlier = a;
            }
            version.put(b.messageId(), earlier == null ? 1 : version.get(earlier.messageId()) + 1);
            if (earlier != null) {
                supersedes.put(b.messageId(), earlier.messageId());
                supersededBy.put(earlier.messageId(), b.messageId());
            }
        }
        List<Versioned> out = new ArrayList<>();
        for (PendingPull p : requests)
            out.add(new Versioned(p, version.get(p.messageId()), supersedes.get(p.messageId()),
                    supersededBy.get(p.messageId())));
        return out;
    }

    static boolean replaces(PendingPull later, PendingPull earlier, List<String> named) {
        if (named.contains(earlier.messageId())) return true;
        if (later.from() == null || earlier.from() == null || !later.from().samePerson(earlier.from())) return false;
        boolean sameRef = later.request().url() != null && later.request().url().equals(earlier.request().url())
                && later.request().ref() != null && later.request().ref().equals(earlier.request().ref());
        return sameRef || !title(later.subject()).isEmpty() && title(later.subject()).equals(title(earlier.subject()));
    }

    /** The subject without its bracketed tags, retry marks and case: what stays the same across re-sends. */
    static String title(String subject) {
        String s = subject == null ? "" : subject;
        s = s.replaceAll("^(?i)(?:\\s*(?:re|fwd?|aw):\\s*)+", "");
        s = s.replaceAll("^(?:\\s*\\[[^\\]]*\\])+", "");
        s = RETRY.matcher(s).replaceAll(" ");
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
