package org.patchlane.cli.measure;

import java.util.List;

/**
 * A query every tool can answer the same way, so that the peers' query times compare with Patchlane's: one word in
 * one field. Each peer spells it in its own syntax.
 */
public record SharedQuery(Field field, String word) {
    /** The fields all five tools index. */
    public enum Field {
        SUBJECT("s"), FROM("f"), BODY("b");

        private final String lore;

        Field(String lore) {
            this.lore = lore;
        }
    }

    /** The queries {@code bench search} times on Patchlane and on each peer; each matches a generated archive. */
    public static final List<SharedQuery> ALL = List.of(new SharedQuery(Field.SUBJECT, "mlx5"),
            new SharedQuery(Field.FROM, "leon"), new SharedQuery(Field.BODY, "lifetime"));

    /** Lore's (and Patchlane's, public-inbox's and mairix's) spelling: {@code s:mlx5}. */
    public String lore() {
        return field.lore + ":" + word;
    }

    /** Xapian's prefixes as notmuch and mu name them: {@code subject:mlx5}. */
    public String xapian() {
        return switch (field) {
            case SUBJECT -> "subject:" + word;
            case FROM -> "from:" + word;
            case BODY -> "body:" + word;
        };
    }
}
