package org.patchlane.cli;

/** The pages {@code bench web} times, each against the same target median. */
enum PageKind {
    /** {@code /series}: a first page, a later page and filtered pages, with their per-state counts. */
    SERIES_LIST("series-list", "series list"),
    /** {@code /series/{id}}: every version, the trailer matrix, interdiffs, links and state. */
    SERIES("series", "series page"),
    /** {@code /{list}/{msgid}/T/}: a whole thread, nested. */
    THREAD("thread", "thread page"),
    /** {@code /all/?q=}: a lore-syntax search with highlighted snippets. */
    SEARCH("search", "search");

    private final String jsonName;
    private final String label;

    PageKind(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    /** The name in {@code bench web --json}. */
    String jsonName() {
        return jsonName;
    }

    /** The name in the text report. */
    String label() {
        return label;
    }
}
