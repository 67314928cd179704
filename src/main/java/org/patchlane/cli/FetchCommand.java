package org.patchlane.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.git.Repo;
import org.patchlane.pull.MergedWindow;
import org.patchlane.pull.PendingPull;
import org.patchlane.pull.PendingPulls;
import org.patchlane.pull.RepoSettings;
import org.patchlane.pull.Repositories;
import org.patchlane.report.Json;
import org.patchlane.review.Policy;
import org.patchlane.store.Searcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane fetch}: updates the configured repositories and fetches every pending pull request's ref. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Update the repositories of the configuration ([repo \"NAME\"] path = ..., see the README) "
                + "from their own remotes, then fetch the ref every pending pull request announces (its URL and "
                + "branch or tag, as the mail names them) into refs/patchlane/pulls/ of the first repository, so "
                + "'patchlane pulls' needs no network. Any URL JGit reaches works: https://, git://, ssh://, "
                + "file://, a path.",
                "A request is pending when no reply in its thread says it was merged (pr-tracker-bot).",
                "Then merged detection runs on the updated repository, as 'patchlane merged' does."},
        footer = {"%nExamples:", "  patchlane fetch", "  patchlane fetch --since 30d --json",
                "Exit code 1 when a request's ref could not be fetched, 3 when a repository cannot be opened."})
final class FetchCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--repo", paramLabel = "NAME", description = "The [repo] to fetch requests into (default: the first).")
    String repo;

    @Option(names = "--since", paramLabel = "AGE", defaultValue = "90d",
            description = "Only requests posted within this age (h, d, w; default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--no-remotes", description = "Fetch only the requests, not the repositories' own remotes.")
    boolean noRemotes;

    /** {@code fetch --json}: the remotes updated, each request's fetch, then merged detection's run. */
    record FetchJson(List<String> remotes, List<Fetched> pulls, MergedCommand.MergedJson merged) {
    }

    /** One request: the commit fetched, or the error. */
    record Fetched(String messageId, String url, String ref, String localRef, String commit, String error) {
    }

    @Override
    public Integer call() throws Exception {
        Duration age = org.patchlane.review.Policy.duration(since, "--since", java.time.Duration.ofDays(90));
        List<RepoSettings> settings = ConfigOptions.repositories(config.load(options.data), options.data);
        try (Repositories repos = Repositories.open(settings, repo); Searcher searcher = Searcher.open(options.data)) {
            List<String> remotes = noRemotes ? List.of() : repos.fetchRemotes();
            List<PendingPull> pending = PendingPulls.of(searcher, Instant.now().minus(age));
            List<Fetched> out = new ArrayList<>();
            boolean failed = false;
            try (ProgressLine progress = ProgressLine.count("fetching pull requests", pending.size(), !options.json && System.console() != null)) {
                for (PendingPull p : pending) {
                    Repositories.FetchResult r = repos.fetch(p);
                    failed |= r.error() != null;
                    out.add(new Fetched(p.messageId(), p.request().url(), p.request().ref(), p.localRef(), r.commit(),
                            r.error()));
                    progress.step();
                }
            }
            // merged detection runs on what was just fetched (issue 13: "runs after each fetch")
            MergedCommand.Outcome merged = null;
            try (Repo r = Repo.open(repos.settings().path())) {
                org.patchlane.git.ConfigFile conf = config.load(options.data);
                merged = MergedCommand.run(searcher, r, repos.settings(), MergedWindow.of(conf, repos.settings().name()),
                        Policy.load(conf, null), options.data);
            } catch (IllegalArgumentException e) {
                // what was fetched stays fetched and is reported; detection says why it could not run
                System.err.println("patchlane: merged detection skipped: " + e.getMessage());
            }
            if (options.json) System.out.println(Json.write(new FetchJson(remotes, out, merged == null ? null
                    : merged.json())));
            else {
                for (String r : remotes) System.out.println("updated " + r);
                for (Fetched f : out)
                    System.out.println((f.error() == null ? "fetched " + f.commit().substring(0, 12) : "FAILED  " + f.error())
                            + "  " + f.url() + " " + f.ref() + "  <" + f.messageId() + ">");
                if (out.isEmpty()) System.out.println("no pending pull request in the archive since " + since);
                if (merged != null) System.out.print(merged.text());
            }
            return failed ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
    }
}
