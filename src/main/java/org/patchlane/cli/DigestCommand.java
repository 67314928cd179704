package org.patchlane.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.patchlane.digest.Digest;
import org.patchlane.digest.DigestBuilder;
import org.patchlane.digest.DigestHtml;
import org.patchlane.digest.DigestLinks;
import org.patchlane.digest.TextDigest;
import org.patchlane.digest.DigestSettings;
import org.patchlane.digest.Period;
import org.patchlane.git.ConfigFile;
import org.patchlane.report.DigestJson;
import org.patchlane.report.Json;
import org.patchlane.store.Searcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane digest}: what happened on the lists in a week, what broke the rules, what waits on whom. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"The digest of one ISO week (default: the last complete week, Monday to Sunday UTC) or of a "
                + "range of days: new series and versions with what changed, the acks, reviews, tests and NACKs "
                + "given, pull requests, series applied or merged, the rules broken, the state changes maintainers "
                + "made, the series waiting at the period's end (no reply for [digest] quiet, default 7d; "
                + "acks missing; a prerequisite not merged) and on whom, and the figures compared with the "
                + "previous period and the mean of the four before it. Grouped by list, then area.",
                "Formats: text (the default: 80 columns, links as footnotes, fit for a mailing list), html (a "
                        + "document with its stylesheet and charts inline, as the digest mail's HTML part), json "
                        + "(also --json). Links go to the [web] url of the configuration (default "
                        + "http://127.0.0.1:7070).",
                "--send mails it to [digest] to through [smtp] (password from [smtp] passwordFile or "
                        + "PATCHLANE_SMTP_PASSWORD) as text and HTML; serve sends it by itself on [digest] schedule."},
        footer = {"%nExamples:", "  patchlane digest", "  patchlane digest --week 2026-W48",
                "  patchlane digest --json", "  patchlane digest --week 2026-W47 --format html",
                "  patchlane digest --since 2026-11-01 --until 2026-12-01 --json",
                "  patchlane digest --week 2026-W48 --list linux-rdma --json",
                "A period with nothing in it is an empty digest (exit 0). Exit code 2 for a bad week, range or "
                        + "format or missing mail settings, 3 when the mail server refuses."})
final class DigestCommand implements Callable<Integer> {
    /** The clock the default week is taken from; tests set it. */
    static Clock clock = Clock.systemUTC();

    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "An ISO week, such as 2026-W47.")
    String week;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "First day of a range (with --until).")
    String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Day after the range's last (exclusive).")
    String until;

    @Option(names = "--list", paramLabel = "LIST", description = "Only the series and pull requests of this list.")
    String list;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: text (default), html, json.")
    String format;

    @Option(names = "--send", description = "Mail it to [digest] to through [smtp] instead of printing it.")
    boolean send;

    /** The formats this command writes; each is one case of {@link #write}. */
    enum Format { TEXT, HTML, JSON }

    @Override
    public Integer call() throws Exception {
        Format f = format();
        Period period = period();
        Path data = options.data;
        ConfigFile conf = config.load(data);
        Duration quiet = DigestSettings.quiet(conf);
        DigestDelivery delivery = send ? DigestDelivery.of(conf, System.getenv()) : null;
        String forList = list != null || delivery == null ? list : delivery.list();
        try (Searcher searcher = Searcher.open(data)) {
            org.patchlane.review.Policy policy = config.policy(data);
            Digest d = new DigestBuilder(searcher, policy, quiet, clock,
                    PullsCommand.verdicts(conf, data, searcher, policy)).digest(period, forList);
            if (delivery != null) {
                String id = delivery.send(d);
                System.out.println(options.json ? Json.write(new Sent(d.period().label(), forList, id))
                        : "sent the digest of " + d.period().label() + " as <" + id + ">");
            } else {
                System.out.print(write(f, d, DigestLinks.of(conf)));
            }
        }
        return ExitCode.OK;
    }

    /** {@code digest --send --json}: what was sent. */
    record Sent(String period, String list, String messageId) {
    }

    static String write(Format f, Digest d, DigestLinks links) {
        return switch (f) {
            case TEXT -> TextDigest.write(d, links);
            case HTML -> DigestHtml.mail(d, links);
            case JSON -> Json.write(DigestJson.of(d)) + "\n";
        };
    }

    /** "json, text": the formats, as --format takes them. */
    private static String names() {
        return String.join(", ", java.util.Arrays.stream(Format.values())
                .map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }

    Format format() {
        if (format == null) return options.json ? Format.JSON : Format.TEXT;
        String name = format.strip().toUpperCase(Locale.ROOT);
        for (Format f : Format.values()) if (f.name().equals(name)) {
            if (options.json && f != Format.JSON) {
                throw new IllegalArgumentException("--json and --format " + format + " disagree: give one");
            }
            return f;
        }
        throw new IllegalArgumentException("unknown digest format '" + format + "' (formats: " + names() + ")");
    }

    /** The week or range asked for, else the last complete ISO week before now. */
    Period period() {
        if (week != null && (since != null || until != null)) {
            throw new IllegalArgumentException("give --week or --since/--until, not both");
        }
        if (week != null) return Period.isoWeek(week);
        if (since != null || until != null) {
            if (since == null || until == null) throw new IllegalArgumentException("--since and --until go together");
            return Period.range(since, until);
        }
        return Period.weekOf(clock.instant()).previous();
    }
}
