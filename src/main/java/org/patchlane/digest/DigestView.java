package org.patchlane.digest;

import java.util.List;

import org.patchlane.view.BarChart;

/**
 * What the HTML body template ({@code digestbody.jte}) draws: the digest, where its links point, its figures with
 * their comparisons and its two charts, computed once in Java so the template only lays out.
 */
public record DigestView(Digest digest, DigestLinks links, List<FigureRow> figures, BarChart activity,
                         BarChart firstReview, boolean empty) {
    public DigestView {
        figures = List.copyOf(figures);
    }

    public static DigestView of(Digest digest, DigestLinks links) {
        return new DigestView(digest, links, FigureRow.of(digest), DigestCharts.activity(digest.trend()),
                DigestCharts.firstReview(digest.trend()), Phrases.empty(digest));
    }

    /** {@code Patchlane digest: linux-rdma 2026-W47}. */
    public String title() {
        return "Patchlane digest: " + Phrases.scope(digest);
    }
}
