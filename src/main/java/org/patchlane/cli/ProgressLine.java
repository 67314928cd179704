package org.patchlane.cli;

import org.patchlane.ingest.IngestCounts;

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

    void show(IngestCounts c) {
        if (bar == null) return;
        if (c.totalBytes() > 0) bar.maxHint(c.totalBytes());
        bar.stepTo(Math.max(0, c.bytesRead()));
        bar.setExtraMessage(String.format(" %,d msgs %,.0f msg/s %,d flagged", c.messages(), c.rate(), c.flagged()));
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
