package org.patchlane.thread;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where a series version stands, for {@link SeriesVersion#state()} and the {@code state:} query prefix. */
public enum SeriesState {
    NEW, UNDER_REVIEW, CHANGES_REQUESTED, SUPERSEDED, RFC;

    /** The name in JSON, reports and queries: {@code under-review}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The states a series has: its latest version's, which is never superseded. */
    public static List<SeriesState> ofSeries() {
        return Arrays.stream(values()).filter(s -> s != SUPERSEDED).toList();
    }
}
