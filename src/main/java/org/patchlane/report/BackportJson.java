package org.patchlane.report;

import java.util.List;

import org.patchlane.pull.Backport;

/** {@code backport SERIES --to TAG --json} (docs/json.md). */
public record BackportJson(String series, String title, String version, String tag, String tagCommit, String base,
                           boolean baseKnown, boolean applies, List<PatchJson> patches, List<ChangedJson> changedSinceBase) {
    /** One patch: {@code applies}, {@code applies-with-offset} or {@code fails}, with the hunks that moved or failed. */
    public record PatchJson(int index, String messageId, String title, String outcome, List<HunkJson> hunks) {
    }

    /** A hunk that moved or failed. */
    public record HunkJson(String file, String header, String reason) {
    }

    /** A file the series touches that changed between its base and the tag. */
    public record ChangedJson(String path, int added, int removed) {
    }

    public static BackportJson of(Backport.Result r) {
        return new BackportJson(r.series().id(), r.series().title(), r.version().label(), r.tag(), r.tagCommit(),
                r.base(), r.baseKnown(), r.applies(),
                r.patches().stream().map(p -> new PatchJson(p.index(), p.messageId(), p.title(),
                        p.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        p.notes().stream().map(h -> new HunkJson(h.file(), h.header(), h.reason())).toList())).toList(),
                r.changed().stream().map(f -> new ChangedJson(f.path(), f.added(), f.removed())).toList());
    }
}
