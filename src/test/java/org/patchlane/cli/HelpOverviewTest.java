package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A help option before a command's name prints the overview with every command, as with no command at all (the
 * command line holds only the named command otherwise, to start fast).
 */
class HelpOverviewTest {
    @ParameterizedTest
    @CsvSource({"--help search", "-h series", "--help", "--debug --help acks"})
    void theOverviewListsEveryCommand(String line) {
        CliRun run = CliRun.of(line.split(" "));
        assertEquals(0, run.code(), run.err());
        for (String command : new String[] {"ingest", "search", "series", "acks", "serve", "bench"})
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from '" + line + "':\n" + run.out());
    }
}
