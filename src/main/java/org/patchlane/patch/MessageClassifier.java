package org.patchlane.patch;

/**
 * Decides what a message is from a few facts, by an ordered table of rules (first match wins). Kept apart
 * from the readers so the rules can be read, and tested, as a table.
 *
 * <ol>
 *   <li>a reply/forward prefix in the subject: REPLY, even with a diff ("Re: [PATCH]" with a suggested fix)</li>
 *   <li>a PULL tag: PULL</li>
 *   <li>counter 0/N: COVER (a cover letter that embeds request-pull output is still the series' cover)</li>
 *   <li>a request-pull body: PULL</li>
 *   <li>a diff: PATCH (also when posted in-thread under a cover, or as a new version under the old one)</li>
 *   <li>a PATCH tag with counter k/N, k &gt; 0: PATCH (its diff may sit in an attachment we could not read)</li>
 *   <li>In-Reply-To/References present and no tags at all: REPLY (a reply whose client dropped "Re:")</li>
 *   <li>otherwise OTHER</li>
 * </ol>
 */
public final class MessageClassifier {
    private MessageClassifier() {
    }

    /**
     * The facts the rules look at.
     *
     * @param replyPrefix the subject had Re:/AW:/Fwd:...
     * @param threaded    In-Reply-To or References present
     * @param hasDiff     the mail's own text or attachments hold a diff
     * @param pullBody    the own text holds {@code git request-pull} output
     * @param tags        the subject's tags
     */
    public record Facts(boolean replyPrefix, boolean threaded, boolean hasDiff, boolean pullBody,
                        SubjectTags tags) {
    }

    public static MessageKind classify(Facts f) {
        SubjectTags t = f.tags();
        if (f.replyPrefix()) return MessageKind.REPLY;
        // QEMU's "[PULL 03/29]" carry the request's patches: each is a patch of the series the "[PULL 00/29]" covers
        if (t.pull()) return t.index() > 0 && f.hasDiff() ? MessageKind.PATCH : MessageKind.PULL;
        if (t.index() == 0 && t.total() > 0) return MessageKind.COVER;
        if (f.pullBody()) return MessageKind.PULL;
        if (f.hasDiff()) return MessageKind.PATCH;
        if (t.patch() && t.index() > 0) return MessageKind.PATCH;
        if (f.threaded() && t.prefixes().isEmpty()) return MessageKind.REPLY;
        return MessageKind.OTHER;
    }
}
