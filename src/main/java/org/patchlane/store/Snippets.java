package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Plain-text snippets with match spans, computed at display time from a message's own text (the first
 * {@link #MAX_ANALYZED} chars of it, kept in the hit's doc values: {@link HitSource}).
 * Uses {@link UnifiedHighlighter#highlightWithoutSearcher} with every word field of the query matching the body, so
 * {@code s:}, {@code nq:}, {@code dfb:} words are marked in the text too.
 */
final class Snippets {
    /** A snippet with its marked spans. */
    record Snippet(String text, List<Hit.Highlight> highlights) {
        static final Snippet EMPTY = new Snippet("", List.of());
    }

    /** Passages wanted per message, and their goal length: a line or two of mail each. */
    static final int PASSAGES = 2;
    static final int PASSAGE_GOAL = 160;
    /** Longest passage kept: a body with no line breaks would otherwise make one passage of everything. */
    static final int PASSAGE_MAX = 320;
    /** Characters of text analysed per message: a results page of 50 big patches stays fast; matches beyond are not shown. */
    static final int MAX_ANALYZED = 20_000;
    static final String SEPARATOR = " … ";

    private final UnifiedHighlighter highlighter = UnifiedHighlighter.builderWithoutSearcher(Schema.analyzer())
            .withFieldMatcher(Schema::highlightable)
            .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                    new CustomSeparatorBreakIterator('\n'), PASSAGE_GOAL, 0.5f))
            .withMaxLength(MAX_ANALYZED)
            .withMaxNoHighlightPassages(1)
            // Weight matching needs the whole query to match the text, so "kind:patch AND word" would mark nothing.
            .withWeightMatches(false)
            .withFormatter(new Formatter())
            .build();

    Snippet of(Query query, String text) throws IOException {
        if (text == null || text.isBlank()) return Snippet.EMPTY;
        Object out = highlighter.highlightWithoutSearcher(Schema.OWN.name(), query, text, PASSAGES);
        return out instanceof Snippet s ? s : Snippet.EMPTY;
    }

    /** Joins passages in text order, flattening line breaks so offsets survive unchanged. */
    private static final class Formatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            List<Hit.Highlight> spans = new ArrayList<>();
            for (Passage p : passages) {
                int[] window = window(p, content);
                int start = window[0];
                int end = window[1];
                if (start >= end) continue;
                if (!sb.isEmpty()) sb.append(SEPARATOR);
                int base = sb.length();
                for (int i = start; i < end; i++) {
                    char c = content.charAt(i);
                    sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
                }
                int last = base;
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int ms = Math.max(p.getMatchStarts()[i], start);
                    int me = Math.min(p.getMatchEnds()[i], end);
                    if (me <= ms) continue;
                    int s = Math.max(base + ms - start, last);
                    int e = base + me - start;
                    if (e > s) spans.add(new Hit.Highlight(s, e));
                    last = Math.max(last, e);
                }
            }
            return new Snippet(sb.toString(), spans);
        }

        /** The passage trimmed of surrounding white space and cut to {@link #PASSAGE_MAX} around its first match. */
        private static int[] window(Passage p, String content) {
            int start = p.getStartOffset();
            int end = Math.min(p.getEndOffset(), content.length());
            if (end - start > PASSAGE_MAX) {
                int anchor = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : start;
                start = Math.max(start, anchor - PASSAGE_MAX / 4);
                end = Math.min(end, start + PASSAGE_MAX);
            }
            while (start < end && Character.isWhitespace(content.charAt(start))) start++;
            while (end > start && Character.isWhitespace(content.charAt(end - 1))) end--;
            return new int[] {start, end};
        }
    }
}
