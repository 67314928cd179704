package org.patchlane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.ingest.IngestCounts;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.mail.Address;
import org.patchlane.report.Json;
import org.patchlane.review.ReviewState;
import org.patchlane.source.PathAddress;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.store.Stats;
import org.patchlane.thread.Series;
import org.patchlane.web.Passwords;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane demo}: the built-in linux-rdma archive, ingested once, then served. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ingest the built-in demo archive (a linux-rdma-like list, November 2026: an infrastructure "
                + "series in three versions, the driver series that use it, reviews, a NACK, five pull requests and "
                + "some broken mail) into the data directory when it holds nothing yet, then serve it: open "
                + "http://127.0.0.1:7070/series, the series list; the lines printed under the address say what "
                + "to try (a series with its acks and interdiffs, the posted-together check, a thread, the "
                + "maintainer's login).",
                "With it the demo installs its review policy, each file only when absent: DATA/MAINTAINERS (the "
                        + "sections the demo's series touch) and DATA/patchlane.conf naming that file "
                        + "([maintainers] file = MAINTAINERS) and the posted-together window ([together] window = 7d).",
                "It also writes, with JGit, the demo's git repositories: DATA/demo-linux.git (tags v6.19 to v6.20-rc6, "
                        + "a for-next) and DATA/demo-remotes/ (the driver trees the demo's pull requests name), "
                        + "configures them ([repo \"linux\"], whose mirror setting maps the mails' git.kernel.org URLs "
                        + "to demo-remotes/) and fetches every pending pull request, so 'patchlane pulls' works at once.",
                "On that first ingest it records one maintainer's decision, as leon: the NACKed hns patch "
                        + "rejected on 27 November (the state change of 'patchlane digest --week 2026-W48')."},
        footer = {"%nExamples:", "  ./patchlane demo            then open http://127.0.0.1:7070/series",
                "  ./patchlane demo --no-serve --json"})
final class DemoCommand implements Callable<Integer> {
    static final String ARCHIVE = "/demo/linux-rdma.mbox";
    static final String MAINTAINERS = "/demo/MAINTAINERS";
    /** The demo's configuration: its MAINTAINERS file and the default posted-together window, written out. */
    static final String CONFIG = "# Written by 'patchlane demo': the demo's review policy.\n"
            + "[maintainers]\n\tfile = MAINTAINERS\n[together]\n\twindow = 7d\n"
            + "# The demo's repository; its pull requests' git.kernel.org URLs are fetched from demo-remotes/.\n"
            + "[repo \"linux\"]\n\tpath = " + DemoRepositories.LINUX + "\n\tupstream = refs/heads/master\n"
            + "\tnext = refs/heads/for-next\n\tmirror = " + DemoRepositories.URL_PREFIX + " " + DemoRepositories.REMOTES
            + "/\n";
    /**
     * The demo's maintainer, who may log in to try the state form (the server listens on 127.0.0.1 unless told
     * otherwise) and whom {@code state --as leon} records decisions as. A published password: for the demo only.
     */
    static final String DEMO_USER = "leon";
    static final String DEMO_PASSWORD = "patchlane-demo";

    @Mixin
    DataOptions options;

    @Mixin
    ServerOptions server;

    @Option(names = "--no-serve",
            description = "Only ingest the demo archive and say how to serve it (for scripts and tests).")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        IngestCommand.HeapPeak heap = new IngestCommand.HeapPeak();
        IngestCounts counts = ingestDemo(options.data, c -> heap.sample());
        // like the policy, the repositories come with an ingesting demo only: a data directory with mail is left alone
        int fetched = counts == null ? 0 : fetchDemoPulls(options.data);
        Stats held;
        try (Searcher searcher = Searcher.open(options.data)) {
            held = searcher.stats();
        }
        if (options.json) {
            System.out.println(Json.write(DemoReport.of(options.data, counts, heap.peak, held, fetched)));
        } else {
            System.out.println(counts != null ? IngestCommand.summary(counts)
                    : String.format("%s already holds %,d messages in %,d series: the demo archive is only ingested "
                    + "into an empty data directory.", options.data, held.messages(), held.series()));
            if (fetched > 0) System.out.println("Fetched " + fetched + " pending pull requests into "
                    + options.data.resolve(DemoRepositories.LINUX) + ": see 'patchlane pulls'.");
            if (noServe) System.out.println("Serve it with: patchlane serve --data " + options.data);
        }
        if (!noServe) {
            org.patchlane.git.ConfigFile conf = new ConfigOptions().load(options.data);
            ServeCommand.serve(options.data, server.host, server.port, List.of(), new ConfigOptions().policy(options.data),
                    org.patchlane.web.Auth.of(conf), conf, options.json, new Guide());
        }
        return ExitCode.OK;
    }

    /** The demo's banner: it opens on the series list, and says what the demo holds to try. */
    static final class Guide implements ServeCommand.Banner {
        /** The demo's infrastructure series, in three versions with acks, a NACK and interdiffs. */
        static final String SERIES = "20261102-aux-lifetime-3f1c2a9b7d10";
        /** Its v3 cover, whose thread also holds the mlx5 user series. */
        static final String THREAD = "20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com";

        @Override
        public String start() {
            return "/series";
        }

        @Override
        public List<String> lines(String base) {
            return List.of("The demo is one invented month of linux-rdma: series, their versions, reviews and a pull "
                            + "request. Try:",
                    "  a series with its acks, three versions and the interdiffs between them:",
                    "    " + base + "/series/" + SERIES,
                    "  the posted-together check (infrastructure series and the drivers that use them):",
                    "    " + base + "/together",
                    "  a whole thread, nested, with the user series posted in it:",
                    "    " + base + org.patchlane.web.Links.thread("linux-rdma", THREAD),
                    "  the maintainers' side: log in at " + base + "/login as " + DEMO_USER + ", password "
                            + DEMO_PASSWORD + ", then set a series' state on its page.");
        }
    }

    /**
     * {@code demo --json}.
     *
     * @param data     the data directory
     * @param ingested what this run ingested ({@code ingest --json}'s report), or null when the archive held mail
     * @param messages messages the archive holds now
     * @param series   series the archive holds now
     * @param fetched  pending pull requests fetched into the demo repository by this run
     */
    record DemoReport(String data, IngestCommand.IngestReport ingested, long messages, long series, int fetched) {
        static DemoReport of(Path data, IngestCounts counts, long peakHeap, Stats held, int fetched) {
            IngestCommand.IngestReport ingested = counts == null ? null : IngestCommand.IngestReport.of(counts, peakHeap);
            return new DemoReport(data.toString(), ingested, held.messages(), held.series(), fetched);
        }
    }

    /**
     * Writes the demo's repositories when the data directory has none, then fetches every pending pull request as
     * {@code patchlane fetch} does, when the configuration in force names a repository; returns how many were
     * fetched. A configuration of the user's own without a [repo] leaves the repositories unused.
     */
    static int fetchDemoPulls(Path data) throws Exception {
        if (!DemoRepositories.present(data)) DemoRepositories.build(data);
        List<org.patchlane.pull.RepoSettings> repos = ConfigOptions.repositories(new ConfigOptions().load(data), data);
        if (repos.isEmpty()) return 0;
        int fetched = 0;
        try (org.patchlane.pull.Repositories r = org.patchlane.pull.Repositories.open(repos, null);
             Searcher searcher = Searcher.open(data)) {
            for (org.patchlane.pull.PendingPull p : org.patchlane.pull.PendingPulls.of(searcher,
                    java.time.Instant.EPOCH))
                if (r.fetch(p).error() == null) fetched++;
        }
        return fetched;
    }

    /** Ingests the demo archive unless the archive already holds mail; returns null when it did nothing. */
    static IngestCounts ingestDemo(Path data, Progress progress) throws Exception {
        try (Archive archive = Archive.open(data)) {
            if (!archive.cursors().isEmpty()) return null;
            // A stable copy inside the data directory keeps the source's cursor meaningful across runs.
            Path mbox = data.resolve("demo-linux-rdma.mbox");
            copy(ARCHIVE, mbox, StandardCopyOption.REPLACE_EXISTING);
            installPolicy(data);
            // Every demo mail has its List-Id; one is the netdev copy of a cross-posted patch, filed under netdev.
            IngestCounts counts = SourceRuns.read(data).ingest(new Ingester(archive, null, progress),
                    new PathAddress(mbox), Clock.systemUTC());
            recordDecision(archive, data);
            return counts;
        }
    }

    /** The Message-ID of the patch the demo's one decision is about: the hns patch Jason NACKed. */
    static final String DECIDED = "20261124094003.1822377-1-lifeng91@huawei.com";
    /** When the demo maintainer decided it: in the archive's last week, so the digest of that week shows it. */
    static final Instant DECIDED_AT = Instant.parse("2026-11-27T08:30:00Z");

    /**
     * Decisions are the one state mail does not give, so the demo records one, as its maintainer leon, on first
     * install: the NACKed hns patch rejected. The digest's state changes and {@code state} show it.
     */
    private static void recordDecision(Archive archive, Path data) throws IOException {
        try (Searcher searcher = archive.searcher()) {
            searcher.refresh();
            java.util.Optional<Series> s = searcher.seriesOf(DECIDED);
            if (s.isEmpty() || !searcher.decisions().history(s.get().id()).isEmpty()) return;
            searcher.decisions().record(s.get(), searcher.decisions().effective(s.get()), ReviewState.REJECTED,
                    "Rejected after Jason's NACK: a bond is no device capability; report it through netlink.",
                    new Address("Leon Romanovsky", "leon@kernel.org"), DECIDED_AT);
        }
    }

    /** Writes the demo's MAINTAINERS and {@code patchlane.conf} into {@code data}, each only when absent. */
    static void installPolicy(Path data) throws IOException {
        Path maintainers = data.resolve("MAINTAINERS");
        if (!Files.exists(maintainers)) copy(MAINTAINERS, maintainers);
        Path config = data.resolve(ConfigOptions.NAME);
        if (!Files.exists(config)) {
            String user = "# The demo's maintainer: log in as " + DEMO_USER + " / " + DEMO_PASSWORD
                    + " (remove with 'patchlane user remove " + DEMO_USER + "').\n[user \"" + DEMO_USER
                    + "\"]\n\temail = leon@kernel.org\n\tpasswordHash = " + Passwords.hash(DEMO_PASSWORD) + "\n";
            Files.writeString(config, CONFIG + user, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    private static void copy(String resource, Path to, CopyOption... options) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("demo file missing from the jar: " + resource);
            Files.copy(in, to, options);
        }
    }
}
