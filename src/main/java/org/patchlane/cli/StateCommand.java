package org.patchlane.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.patchlane.mail.Address;
import org.patchlane.report.Json;
import org.patchlane.report.SeriesJson;
import org.patchlane.report.StateJson;
import org.patchlane.review.Decision;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Standing;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Applied;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane state}: a series' review state and its history, or a maintainer's decision. */
@Command(name = "state", mixinStandardHelpOptions = true,
        description = {"Show a series' review state and the maintainers' decisions on it, or record a decision.",
                "Mail sets states by itself: a newer version supersedes the old, a review trailer makes it "
                        + "under-review, a NACK changes-requested, an RFC tag rfc, an \"Applied, thanks!\" reply "
                        + "applied, pr-tracker-bot's notice merged. A maintainer may set any state but superseded: "
                        + "new, under-review, changes-requested, accepted, applied, merged, rejected, rfc, deferred.",
                "A decision is a commit in the git repository DIR/decisions (author: you), kept through reindex; "
                        + "git clone DIR/decisions is a backup. It holds for the version it was made on; after it, "
                        + "only applied/merged mail, a NACK (unless it was accepted, rejected or deferred) or a new "
                        + "version change the state."},
        footer = {"%nExamples:",
                "  patchlane state 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane state 8d107a81e5c7 accepted --note 'for 6.20' --as leon",
                "  patchlane state --json 8d107a81e5c7 deferred --as leon",
                "The decider: --as NAME with [user \"NAME\"] email = ... in patchlane.conf, else git's user.name "
                        + "and user.email.",
                "Exit code 1 when no series matches, 2 for an unknown state or no known decider."})
final class StateCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "SERIES", description = SeriesKey.HELP)
    String key;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STATE", description = "The state to set; none: show.")
    String state;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why (kept in the history).")
    String note;

    @Option(names = "--note-file", paramLabel = "FILE", description = "Read the note from a file.")
    Path noteFile;

    @Option(names = "--as", paramLabel = "NAME", description = "Decide as [user \"NAME\"] of patchlane.conf.")
    String as;

    @Override
    public Integer call() throws Exception {
        ReviewState to = null;
        if (state != null) {
            to = ReviewState.of(state).orElseThrow(() -> new IllegalArgumentException("unknown state '" + state
                    + "' (known: " + ReviewState.settable().stream().map(ReviewState::jsonName)
                    .collect(Collectors.joining(", ")) + ")"));
            if (!ReviewState.settable().contains(to)) {
                throw new IllegalArgumentException("superseded is set by mail (a newer version), not by hand");
            }
        }
        if (note != null && noteFile != null) throw new IllegalArgumentException("give --note or --note-file, not both");
        String text = noteFile == null ? note : Files.readString(noteFile, StandardCharsets.UTF_8);
        Address by = to == null ? null : Maintainer.resolve(as, config, options.data);
        try (Searcher searcher = Searcher.open(options.data)) {
            Optional<Series> found = SeriesKey.find(searcher, key);
            if (found.isEmpty()) return ExitCode.NOT_FOUND;
            Series s = found.get();
            if (to != null) {
                ReviewState from = searcher.decisions().effective(s);
                searcher.decisions().record(s, from, to, text, by, Instant.now());
            }
            Standing standing = searcher.decisions().standing(s);
            if (options.json) System.out.println(Json.write(StateJson.of(s, standing)));
            else System.out.print(text(s, standing));
            return ExitCode.OK;
        }
    }

    /** The state line and the history, newest first. */
    static String text(Series s, Standing standing) {
        StringBuilder out = new StringBuilder(String.format("%s  %s (v%s; from mail: %s)%n", s.id(),
                standing.state().jsonName(), s.latest().label(), s.latest().state()));
        for (SeriesPatch p : s.latest().patches()) {
            Applied a = p.applied();
            if (a == null) continue;
            out.append(String.format("  applied %d/%d %s%s%s%n", p.index(), p.total(),
                    a.commit().isEmpty() ? "(no commit named)" : a.commit(), a.url().isEmpty() ? "" : " " + a.url(),
                    a.tree().isEmpty() ? "" : " to " + a.tree()));
        }
        for (Decision d : standing.history()) {
            out.append(String.format("  %s  %s  %s -> %s on v%s%n", SeriesJson.date(d.at()),
                    new Address(d.name(), d.email()).display(), d.from() == null ? "?" : d.from().jsonName(),
                    d.to().jsonName(), d.version()));
            if (!d.note().isEmpty()) d.note().lines().forEach(l -> out.append("      ").append(l).append('\n'));
        }
        return out.toString();
    }
}
