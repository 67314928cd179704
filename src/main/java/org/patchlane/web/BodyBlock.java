package org.patchlane.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of body lines the thread page shows together: the author's own text, or a quoted block folded into a
 * {@code <details>} element (open with a click, no JavaScript), as a thread reads best with only the new words shown.
 *
 * @param quote true for a run of {@code >} lines
 * @param lines never empty
 */
public record BodyBlock(boolean quote, List<BodyLine> lines) {
    /** Longest preview of a folded quote's first line. */
    static final int PREVIEW = 72;

    public BodyBlock {
        lines = List.copyOf(lines);
    }

    /** Cuts lines into runs of quoted and unquoted lines. */
    public static List<BodyBlock> of(List<BodyLine> lines) {
        List<BodyBlock> out = new ArrayList<>();
        List<BodyLine> run = new ArrayList<>();
        boolean quote = false;
        for (BodyLine l : lines) {
            boolean q = l.kind().equals("quote");
            if (q != quote && !run.isEmpty()) {
                out.add(new BodyBlock(quote, run));
                run = new ArrayList<>();
            }
            quote = q;
            run.add(l);
        }
        if (!run.isEmpty()) out.add(new BodyBlock(quote, run));
        return out;
    }

    /** The folded quote's summary: its size and the start of its first line with words in it. */
    public String summary() {
        String first = lines.stream().map(l -> l.text().replaceFirst("^[>\\s]+", "")).filter(t -> !t.isBlank())
                .findFirst().orElse("");
        if (first.length() > PREVIEW) first = first.substring(0, PREVIEW - 1) + "…";
        String size = lines.size() == 1 ? "1 quoted line" : lines.size() + " quoted lines";
        return first.isEmpty() ? size : size + ": " + first;
    }
}
