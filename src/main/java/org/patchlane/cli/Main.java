package org.patchlane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.patchlane.source.ImapRefusedException;
import org.patchlane.source.SourceException;
import org.patchlane.store.ArchiveBusyException;
import org.patchlane.store.ArchiveNotFoundException;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.Schema;
import org.patchlane.web.ListenException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code patchlane} command: dispatches to one class per verb and maps failures to exit codes. */
@Command(name = "patchlane", mixinStandardHelpOptions = true, version = "Patchlane 0.1",
        description = "Mailing-list patch and pull-request tracker: ingest list mail, search it like lore.",
        subcommands = {DemoCommand.class, IngestCommand.class, SearchCommand.class, ShowCommand.class,
                StatsCommand.class, SeriesCommand.class, AcksCommand.class, InterdiffCommand.class, LinksCommand.class,
                CheckCommand.class, FetchCommand.class, PullsCommand.class, BackportCommand.class, MergedCommand.class,
                TogetherCommand.class, StateCommand.class, LinkCommand.class, DigestCommand.class, ReindexCommand.class,
                ServeCommand.class, WatchCommand.class, SourcesCommand.class, UserCommand.class, GenArchiveCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  nothing found (no search hit, unknown Message-ID)",
                "  2  bad usage or input (unknown option, bad query, a path that is not mail,",
                "     an IMAP login or folder the server refuses)",
                "  3  I/O or environment error (unreadable source, archive busy or missing,",
                "     port in use)",
                "With --debug, a failure also prints its Java stack trace.",
                "", "Run 'patchlane help COMMAND' for a command's options and examples."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read from the parse result in {@link #failure}: it may be given after any subcommand's name. */
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, also print the Java stack trace (for bug reports).")
    boolean debug;

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
            err.println("patchlane: " + usageError(ex));
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cl;
    }

    /** picocli's message, except for a mistyped command, which it calls an unmatched argument. */
    private static String usageError(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getCommandLine().getSubcommands().isEmpty() && u.getCommandLine().getParent() == null) {
            String first = u.getUnmatched().get(0);
            if (!first.startsWith("-")) return "unknown command '" + first + "'";
        }
        return ex.getMessage();
    }

    /**
     * Every failure is one line naming what went wrong and, for the user's own errors and the environment's, what
     * to do; stack traces only with {@code --debug}, or a hint to use it when the failure is a bug.
     */
    private static int failure(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        PrintWriter err = cl.getErr();
        Failure f = Failure.of(e);
        err.println("patchlane: " + f.message());
        if (debug(parsed)) {
            e.printStackTrace(err);
        } else if (f.bug()) {
            err.println("patchlane: this is a bug; run the command again with --debug for the stack trace");
        }
        err.flush();
        return f.code();
    }

    /** Whether {@code --debug} was given, before or after the subcommand's name. */
    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) return true;
        }
        return false;
    }

    /** What a failure tells the user, and the exit code it ends with. */
    private record Failure(String message, int code, boolean bug) {
        static Failure of(Throwable e) {
            if (e instanceof QuerySyntaxException q) {
                return new Failure("bad query: " + q.getMessage(), ExitCode.USAGE, false);
            }
            if (e instanceof SourceException s) {
                return new Failure(s.getMessage(),
                        s.reason() == SourceException.Reason.UNREADABLE ? ExitCode.IO : ExitCode.USAGE, false);
            }
            if (e instanceof ImapRefusedException r) return new Failure(r.getMessage(), ExitCode.USAGE, false);
            if (e instanceof ArchiveNotFoundException a) {
                int older = Schema.olderVersionIn(a.dataDir());
                if (older > 0) {
                    return new Failure(a.dataDir().toAbsolutePath() + " holds an archive of an older schema (lucene-v"
                            + older + "): run 'patchlane reindex --data " + a.dataDir() + "' to upgrade it",
                            ExitCode.IO, false);
                }
                return new Failure("no archive in " + a.dataDir().toAbsolutePath()
                        + " (run 'patchlane ingest' or 'patchlane demo')", ExitCode.IO, false);
            }
            if (e instanceof ArchiveBusyException b) {
                return new Failure("the archive in " + b.dataDir() + " is in use by another ingest or server",
                        ExitCode.IO, false);
            }
            if (e instanceof ListenException l) return new Failure(listen(l), ExitCode.IO, false);
            if (e instanceof IllegalArgumentException) return new Failure(e.getMessage(), ExitCode.USAGE, false);
            if (e instanceof IOException) return new Failure("I/O error: " + e.getMessage(), ExitCode.IO, false);
            return new Failure("internal error: " + e, ExitCode.IO, true);
        }

        private static String listen(ListenException l) {
            return switch (l.reason()) {
                case PORT_IN_USE -> "port " + l.port() + " is in use: stop the other server or pass --port N";
                case PRIVILEGED_PORT -> "port " + l.port() + " needs administrator rights: pass --port N above 1023";
                case OTHER -> l.getMessage() + " (check --host)";
            };
        }
    }
}
