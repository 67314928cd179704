package org.patchlane.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.link.Linker;
import org.patchlane.link.Links;
import org.patchlane.mail.Address;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patchlane link add|remove SERIES PREREQ --why TEXT}: a maintainer's correction of the links the mail
 * gives, kept as a commit in the decisions repository and honoured by {@code links}, {@code check},
 * {@code together} and the web.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Correct the links Patchlane derives from mail: say that a series depends on another (add) or "
                + "that it does not (remove), with a reason.",
                "An added link is a prerequisite/user of kind manual in 'links', 'check', 'together' and the web, "
                        + "with \"added by NAME on DATE: why\". A removed link is in no check and no list of "
                        + "prerequisites or users, but 'links' still shows it as \"removed by NAME on DATE: why\". "
                        + "The latest edit of a pair holds: add after remove restores the mail's links too.",
                "Each edit is a commit in the git repository DIR/decisions (file links/SERIESID, author: you), kept "
                        + "through reindex."},
        subcommands = {LinkCommand.Add.class, LinkCommand.Remove.class},
        footer = {"%nExamples:",
                "  patchlane link add fb0497c17be9 8d107a81e5c7 --why 'uses it' --as leon",
                "  patchlane link remove --json df90fc174de6 8d107a81e5c7 --why old --as leon",
                "SERIES and PREREQ may also be a Message-ID of the series or its change-id.",
                "Exit codes: 0 recorded, 1 a series not found or no link to remove, 2 no --why or bad",
                "input, 3 I/O."})
final class LinkCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What add and remove share: the two series, the reason, the maintainer. */
    abstract static class Edit implements Callable<Integer> {
        @Mixin
        DataOptions options;

        @Mixin
        ConfigOptions config;

        @Parameters(index = "0", paramLabel = "SERIES", description = "The series that depends. " + SeriesKey.HELP)
        String key;

        @Parameters(index = "1", paramLabel = "PREREQ", description = "The series it depends on, named the same ways.")
        String prerequisiteKey;

        @Option(names = "--why", paramLabel = "TEXT", required = true,
                description = "Why (required; kept in the history and shown beside the link).")
        String why;

        @Option(names = "--as", paramLabel = "NAME", description = "Edit as [user \"NAME\"] of patchlane.conf.")
        String as;

        abstract LinkAction action();

        @Override
        public Integer call() throws Exception {
            if (why == null || why.isBlank()) throw new IllegalArgumentException("a link edit needs a reason: --why TEXT");
            Address by = Maintainer.resolve(as, config, options.data);
            try (Searcher searcher = Searcher.open(options.data)) {
                Optional<Series> series = SeriesKey.find(searcher, key);
                if (series.isEmpty()) return ExitCode.NOT_FOUND;
                Optional<Series> prerequisite = SeriesKey.find(searcher, prerequisiteKey);
                if (prerequisite.isEmpty()) return ExitCode.NOT_FOUND;
                Series s = series.get();
                Series p = prerequisite.get();
                if (s.id().equals(p.id())) {
                    throw new IllegalArgumentException(key + " and " + prerequisiteKey + " are the same series " + s.id());
                }
                Linker linker = new Linker(searcher.links());
                if (action() == LinkAction.REMOVE && !linker.links(s).names(p)) {
                    System.err.println("patchlane: " + s.id() + " has no link to " + p.id() + " to remove");
                    return ExitCode.NOT_FOUND;
                }
                LinkEdit edit = searcher.linkEdits().record(s, p, action(), why, by, Instant.now());
                Links links = linker.links(s);
                if (options.json) {
                    System.out.println(Json.write(LinkJson.Edited.of(edit, links)));
                } else {
                    System.out.println(edit.subject() + " (" + edit.summary() + ")");
                    System.out.print(LinksCommand.text(links));
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Record that SERIES depends on PREREQ (a link of kind manual, full confidence)."},
            footer = {"%nExamples:",
                    "  patchlane link add fb0497c17be9 8d107a81e5c7 --why 'uses it' --as leon",
                    "  patchlane link add --json fb0497c17be9 8d107a81e5c7 --why irc --as leon",
                    "The editor: --as NAME with [user \"NAME\"] email = ... in patchlane.conf, else git's user.name "
                            + "and user.email.",
                    "Exit code 1 when a series is not found, 2 without --why, for the same series twice or no known "
                            + "editor, 3 for an I/O error."})
    static final class Add extends Edit {
        @Override
        LinkAction action() {
            return LinkAction.ADD;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Record that SERIES does not depend on PREREQ: every link the mail gives between them, "
                    + "and one added by hand, leaves the checks; 'links' still shows them as removed."},
            footer = {"%nExamples:",
                    "  patchlane link remove df90fc174de6 8d107a81e5c7 --why old --as leon",
                    "  patchlane link remove --json fb0497c17be9 8d107a81e5c7 --why no --as leon",
                    "Exit code 1 when a series is not found or no link between them is known (from mail or an "
                            + "earlier edit), 2 without --why, for the same series twice or no known editor, 3 for an "
                            + "I/O error."})
    static final class Remove extends Edit {
        @Override
        LinkAction action() {
            return LinkAction.REMOVE;
        }
    }
}
