package org.patchlane.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.ingest.Analyzer;
import org.patchlane.report.Json;
import org.patchlane.report.MessageCopies;
import org.patchlane.report.MessageJson;
import org.patchlane.report.RawMbox;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane show}: one stored copy of a message as Patchlane understands it, or its exact stored bytes. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a stored message: headers, subject tags, trailers, sign-off findings, diff summary, "
                + "pull request, dependency markers and flags, then the body.",
                "With --raw, print the exact bytes that were stored (what 'git am' or another tool wants).",
                "A mail cross-posted to several lists is stored once per list, and a reused Message-ID once per "
                        + "content: each is a copy. show prints one copy: that of --list, else the first stored; "
                        + "--all prints every copy, as an mbox (with --json, as an array)."},
        footer = {"%nExamples:", "  patchlane show 20261116-aux-lifetime-v3-1-2b7e9f4c1d38@nvidia.com",
                "  patchlane show --raw '<20261116-aux-lifetime-v3-1-2b7e9f4c1d38@nvidia.com>' | git am",
                "  patchlane show --list netdev 20261126082000.1905711-1-chenwei172@huawei.com",
                "  patchlane show --all 20261126082000.1905711-1-chenwei172@huawei.com > copies.mbox",
                "Exit code 1 when no message has that Message-ID, or none on the --list given."})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Option(names = "--raw", description = "Print the stored bytes of the copy exactly.")
    boolean raw;

    @ArgGroup(exclusive = true)
    Which which;

    static final class Which {
        @Option(names = "--list", paramLabel = "NAME", description = "The copy received on this list.")
        String list;

        @Option(names = "--all", description = "Every stored copy, as one mbox (mboxrd), or a JSON array.")
        boolean all;
    }

    @Parameters(paramLabel = "MSGID", description = "Message-ID, with or without angle brackets.")
    String messageId;

    @Override
    public Integer call() throws Exception {
        Optional<MessageCopies> found;
        try (Searcher searcher = Searcher.open(options.data)) {
            found = MessageCopies.of(searcher.get(messageId));
        }
        String bare = messageId.strip().replaceAll("^<|>$", "");
        if (found.isEmpty()) {
            System.err.println("patchlane: no message <" + bare + ">");
            return ExitCode.NOT_FOUND;
        }
        MessageCopies copies = found.get();
        if (which != null && which.all) return all(copies);
        StoredRecord copy = copies.first();
        if (which != null && which.list != null) {
            List<StoredRecord> on = copies.on(which.list);
            if (on.isEmpty()) {
                System.err.printf("patchlane: no copy of <%s> on list %s; stored for: %s%n", bare, which.list,
                        String.join(", ", copies.lists().stream().map(l -> l.isEmpty() ? "(no list)" : l).toList()));
                return ExitCode.NOT_FOUND;
            }
            copy = on.get(0);
        }
        if (raw) {
            System.out.write(copy.raw());
            System.out.flush();
            return ExitCode.OK;
        }
        StoredMessage parsed = Analyzer.reanalyze(copy);
        MessageJson json = MessageJson.of(copies, copy, parsed);
        if (options.json) {
            System.out.println(Json.write(json));
            return ExitCode.OK;
        }
        System.out.print(MessageText.of(json, parsed.mail()));
        return ExitCode.OK;
    }

    private int all(MessageCopies copies) {
        if (options.json && !raw) {
            System.out.println(Json.write(copies.all().stream().map(c -> MessageJson.of(copies, c)).toList()));
        } else {
            byte[] mbox = RawMbox.of(copies.all());
            System.out.write(mbox, 0, mbox.length);
            System.out.flush();
        }
        return ExitCode.OK;
    }
}
