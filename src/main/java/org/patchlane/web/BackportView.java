package org.patchlane.web;

import java.util.List;

import org.patchlane.report.BackportJson;
import org.patchlane.thread.Series;

/**
 * The backport page: the series, the repository's tags newest first to pick from, and the result when a tag was
 * given ({@code to} and {@code result} null before).
 */
public record BackportView(Series series, String repository, List<String> tags, String to, BackportJson result) {
    public BackportView {
        tags = List.copyOf(tags);
    }
}
