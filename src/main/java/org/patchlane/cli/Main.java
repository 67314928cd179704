package org.patchlane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.patchlane.source.ImapRefusedException;
import org.patchlane.source.SourceException;
import org.patchlane.store.ArchiveBusyException;
import org.patchlane.store.ArchiveNotFoundException;
import org.patchlane.store.QuerySyntaxException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code patchlane} command: dispatches to one class per verb and maps failures to exit codes. */
@Command(name = "patchlane", mixinStandardHelpOptions = true, version = "Patchlane 0.1",
        description = "Mailing-list patch and pull-request tracker: ingest list mail, search it like lore.",
        subcommands = {DemoCommand.class, IngestCommand.class, SearchCommand.class, ShowCommand.class,
                StatsCommand.class, SeriesCommand.class, AcksCommand.class, ReindexCommand.class,
                ServeCommand.class, WatchCommand.class, SourcesCommand.class, GenArchiveCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  nothing found (no search hit, unknown Message-ID)",
                "  2  bad usage or input (unknown option, bad query, a path that is not mail, an IMAP login or",
                "     folder the server refuses)",
                "  3  I/O error (unreadable source, archive busy or missing, port in use)",
                "", "Run 'patchlane help COMMAND' for a command's options and examples."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::failure);
        cl.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("patchlane: " + ex.getMessage());
            err.println("Try 'patchlane " + ex.getCommandLine().getCommandName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    private static int failure(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        PrintWriter err = cl.getErr();
        if (e instanceof QuerySyntaxException q) {
            err.println("patchlane: bad query: " + q.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof SourceException s) {
            err.println("patchlane: " + s.getMessage());
            return s.reason() == SourceException.Reason.UNREADABLE ? ExitCode.IO : ExitCode.USAGE;
        }
        if (e instanceof ImapRefusedException r) {
            err.println("patchlane: " + r.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof ArchiveNotFoundException a) {
            err.println("patchlane: no archive in " + a.dataDir() + " (run 'patchlane ingest' or 'patchlane demo')");
            return ExitCode.IO;
        }
        if (e instanceof ArchiveBusyException b) {
            err.println("patchlane: the archive in " + b.dataDir() + " is in use by another ingest or server");
            return ExitCode.IO;
        }
        if (e instanceof IllegalArgumentException) {
            err.println("patchlane: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof IOException) {
            err.println("patchlane: I/O error: " + e.getMessage());
            return ExitCode.IO;
        }
        err.println("patchlane: internal error: " + e);
        e.printStackTrace(err);
        return ExitCode.IO;
    }
}
