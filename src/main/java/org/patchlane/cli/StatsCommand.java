package org.patchlane.cli;

import java.util.concurrent.Callable;

import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.StatsJson;
import org.patchlane.store.Searcher;
import org.patchlane.store.Stats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchlane stats}: what the archive holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count stored messages by kind and list, flagged messages and index size.")
final class StatsCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Override
    public Integer call() throws Exception {
        Stats s;
        try (Searcher searcher = Searcher.open(options.data)) {
            s = searcher.stats();
        }
        if (options.json) {
            System.out.println(Json.write(StatsJson.of(s)));
            return ExitCode.OK;
        }
        System.out.printf("messages  %,d (%,d flagged)%n", s.messages(), s.flagged());
        System.out.printf("patches   %,d in %s, %s%n", s.patches(), Plural.of(s.series(), "series", "series"),
                Plural.of(s.covers(), "cover letter"));
        System.out.printf("pulls     %,d%nreplies   %,d%n", s.pulls(), s.replies());
        s.lists().forEach((list, n) -> System.out.printf("list      %-24s %,d%n", list.isEmpty() ? "(none)" : list, n));
        System.out.printf("index     %s (%,d per message)%n", Plural.of(s.indexBytes(), "byte"),
                s.messages() == 0 ? 0 : s.indexBytes() / s.messages());
        return ExitCode.OK;
    }
}
