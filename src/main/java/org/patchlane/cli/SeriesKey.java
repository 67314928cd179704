package org.patchlane.cli;

import java.io.IOException;
import java.util.Optional;

import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/** The SERIES argument of {@code acks}, {@code links} and {@code check}: an id, a Message-ID or a change-id. */
final class SeriesKey {
    static final String HELP = "Series id (from 'patchlane series'), the Message-ID of any mail of the series or "
            + "of a reply to it, or a b4 change-id.";

    private SeriesKey() {
    }

    /** The series, or empty after saying on stderr that none matches. */
    static Optional<Series> find(Searcher searcher, String key) throws IOException {
        Optional<Series> found = searcher.seriesOf(key);
        if (found.isEmpty()) System.err.println("patchlane: no series for " + key);
        return found;
    }
}
