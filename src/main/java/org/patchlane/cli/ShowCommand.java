package org.patchlane.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.ingest.Analyzer;
import org.patchlane.report.Json;
import org.patchlane.report.MessageJson;
import org.patchlane.report.Plural;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane show}: one message as Patchlane understands it, or its exact stored bytes. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a stored message: headers, subject tags, trailers, diff summary, pull request, "
                + "dependency markers and flags, then the body.",
                "With --raw, print the exact bytes that were stored (what 'git am' or another tool wants)."},
        footer = {"%nExamples:", "  patchlane show 20261116-aux-lifetime-v3-1-2b7e9f4c1d38@nvidia.com",
                "  patchlane show --raw '<20261116-aux-lifetime-v3-1-2b7e9f4c1d38@nvidia.com>' | git am",
                "Exit code 1 when no message has that Message-ID."})
final class ShowCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Option(names = "--raw", description = "Print the stored bytes exactly.")
    boolean raw;

    @Parameters(paramLabel = "MSGID", description = "Message-ID, with or without angle brackets.")
    String messageId;

    @Override
    public Integer call() throws Exception {
        List<StoredRecord> records;
        try (Searcher searcher = Searcher.open(options.data)) {
            records = searcher.get(messageId);
        }
        if (records.isEmpty()) {
            System.err.println("patchlane: no message <" + messageId.replaceAll("^<|>$", "") + ">");
            return ExitCode.NOT_FOUND;
        }
        if (raw) {
            for (StoredRecord r : records) System.out.write(r.raw());
            System.out.flush();
            return ExitCode.OK;
        }
        StoredMessage parsed = Analyzer.reanalyze(records.get(0));
        MessageJson first = MessageJson.of(records.get(0), parsed);
        if (options.json) {
            System.out.println(Json.write(first));
            return ExitCode.OK;
        }
        System.out.print(MessageText.of(first, parsed.mail()));
        if (records.size() > 1) {
            System.out.printf("%n(%s this Message-ID with other content: patchlane show --raw shows all)%n",
                    Plural.of(records.size() - 1, "more stored message carries", "more stored messages carry"));
        }
        return ExitCode.OK;
    }
}
