package org.patchlane.pull;

import java.util.List;

/**
 * A patch as posted on a list, found by its patch-id.
 *
 * @param seriesId  its series
 * @param version   the version label it was posted in
 * @param index     k of k/N
 * @param messageId the posting
 * @param title     its title
 * @param trailers  the review trailers given for it on the list, as {@code Acked-by: Name <email>} lines
 */
public record PostedPatch(String seriesId, String version, int index, String messageId, String title,
                          List<String> trailers) {
    public PostedPatch {
        trailers = List.copyOf(trailers);
    }

    /** The list's patches, as the archive knows them. */
    public interface Lookup {
        /** The posted patch of a patch-id, from the latest version that has it. */
        java.util.Optional<PostedPatch> byPatchId(String patchId) throws java.io.IOException;

        /** Every patch of one version of a series, by index. */
        List<PostedPatch> version(String seriesId, String version) throws java.io.IOException;
    }
}
