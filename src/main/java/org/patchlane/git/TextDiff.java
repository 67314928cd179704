package org.patchlane.git;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

/**
 * Line diffs of two texts with git's histogram algorithm, so interdiffs read as {@code git diff} would show them.
 * Lines are compared exactly; callers get {@link Change} records, never JGit types.
 */
public final class TextDiff {
    private TextDiff() {
    }

    /**
     * One replaced region: lines {@code [fromStart, fromEnd)} of the first text became {@code [toStart, toEnd)} of
     * the second (an empty range on one side: a pure insertion or deletion). 0-based.
     */
    public record Change(int fromStart, int fromEnd, int toStart, int toEnd) {
    }

    /** The regions where {@code to} differs from {@code from}, in order; empty when the lines are equal. */
    public static List<Change> changes(List<String> from, List<String> to) {
        EditList edits = new HistogramDiff().diff(LineComparator.INSTANCE, new Lines(from), new Lines(to));
        List<Change> out = new ArrayList<>(edits.size());
        for (Edit e : edits) out.add(new Change(e.getBeginA(), e.getEndA(), e.getBeginB(), e.getEndB()));
        return out;
    }

    /** Lines of text as a JGit sequence. */
    private static final class Lines extends Sequence {
        final List<String> lines;

        Lines(List<String> lines) {
            this.lines = List.copyOf(lines);
        }

        @Override
        public int size() {
            return lines.size();
        }
    }

    private static final class LineComparator extends SequenceComparator<Lines> {
        static final LineComparator INSTANCE = new LineComparator();

        @Override
        public boolean equals(Lines a, int ai, Lines b, int bi) {
            return a.lines.get(ai).equals(b.lines.get(bi));
        }

        @Override
        public int hash(Lines seq, int i) {
            return seq.lines.get(i).hashCode();
        }
    }
}
