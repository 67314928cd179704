package org.patchlane.patch;

import java.util.List;

/**
 * A subject taken apart (DESIGN.md §3): reply prefixes, bracketed tags, version and counter, title.
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
}
