package org.patchlane.thread;

import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.review.ReviewState;

/**
 * One version of a series: a cover (optional) and its patches.
 *
 * @param version     the version number
 * @param label       as written: {@code "3"}, {@code "5.1"} for a partial reroll
 * @param cover       the cover letter's Message-ID, or null
 * @param title       the cover's title, else the first patch's
 * @param sender      who posted it
 * @param date        epoch ms of its earliest posting
 * @param rfc         posted as RFC
 * @param partial     only some patches were re-posted; the others are the previous version's
 * @param predecessor the previous version's label, or null
 * @param state       from its mail ({@link ReviewState#fromMail}): new, under-review, changes-requested, applied,
 *                    merged, superseded, rfc
 * @param stateSince  epoch ms of the mail that gave that state (the version's date for new and rfc)
 * @param lists       lists it was posted to
 * @param problems    missing and extra patches ("missing 3/7", "extra 8/7")
 * @param patches     by index
 * @param merged      where pr-tracker-bot says this version (a pull request's cover) was merged, else null
 */
public record SeriesVersion(int version, String label, String cover, String title, Address sender, long date,
                            boolean rfc, boolean partial, String predecessor, String state, long stateSince,
                            List<String> lists, List<String> problems, List<SeriesPatch> patches, Applied merged) {
    public SeriesVersion {
        lists = List.copyOf(lists);
        problems = List.copyOf(problems);
        patches = List.copyOf(patches);
    }

    /** Every path its patches touch, each once, in patch order. */
    public List<String> files() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (SeriesPatch p : patches) out.addAll(p.files());
        return List.copyOf(out);
    }
}
