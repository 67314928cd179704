package org.patchlane.store;

/** A search query that cannot be understood; the message names the token and what was expected. */
public final class QuerySyntaxException extends Exception {
    private final String query;
    private final int column;

    public QuerySyntaxException(String message, String query, int column) {
        super(message);
        this.query = query;
        this.column = column;
    }

    /** The query as the user typed it. */
    public String query() {
        return query;
    }

    /** 1-based column of the offending token in {@link #query()}, or -1 when unknown. */
    public int column() {
        return column;
    }
}
