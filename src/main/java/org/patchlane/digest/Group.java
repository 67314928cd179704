package org.patchlane.digest;

import java.util.List;

/**
 * What happened in one area of one list. A series belongs to its list (the first it was posted to) and its
 * deciding area (the area of most of its files; ties by name), so each line appears once in the digest.
 *
 * @param list     the list
 * @param area     the area's name, "" for files no area covers
 * @param areaKind {@code infrastructure}, {@code driver} or {@code other}
 */
public record Group(String list, String area, String areaKind, List<Posting> postings, List<PersonReviews> reviews,
                    List<TrailerGiven> nacks, List<PullLine> pulls, List<Merge> merges, List<Finding> findings,
                    List<Waiting> waiting, List<StateChange> stateChanges) {
    public Group {
        postings = List.copyOf(postings);
        reviews = List.copyOf(reviews);
        nacks = List.copyOf(nacks);
        pulls = List.copyOf(pulls);
        merges = List.copyOf(merges);
        findings = List.copyOf(findings);
        waiting = List.copyOf(waiting);
        stateChanges = List.copyOf(stateChanges);
    }
}
