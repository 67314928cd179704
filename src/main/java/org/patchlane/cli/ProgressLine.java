package org.patchlane.cli;

import org.patchlane.ingest.IngestCounts;
import org.patchlane.view.Plural;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar over source bytes, with messages, rate and flagged; silent when nobody watches. */
final class ProgressLine implements AutoCloseable {
    private final ProgressBar bar;

    private ProgressLine(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressLine start(String task, boolean visible) {
        if (!visible) return new ProgressLine(null);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MiB", 1 << 20).setUpdateIntervalMillis(250).showSpeed().build();
        return new ProgressLine(bar);
    }

    /** A bar over {@code total} items of work, with the rate per second. */
    static ProgressLine count(String task, long total, boolean visible) {
        if (!visible) return new ProgressLine(null);
        return new ProgressLine(new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(total).setUpdateIntervalMillis(250).showSpeed().build());
    }

    /** One item done. */
    void step() {
        if (bar != null) bar.step();
    }

    void show(IngestCounts c) {
        if (bar == null) return;
        if (c.totalBytes() > 0) bar.maxHint(c.totalBytes());
        bar.stepTo(Math.max(0, c.bytesRead()));
        bar.setExtraMessage(String.format(" %s %,.0f msg/s %,d flagged", Plural.of(c.messages(), "msg"), c.rate(),
                c.flagged()));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
