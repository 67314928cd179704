package org.patchlane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

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
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  nothing found (no search hit, unknown Message-ID)",
                "  2  bad usage or input (unknown option, bad query, a path that is not mail,",
                "     an IMAP login or folder the server refuses)",
                "  3  I/O or environment error (unreadable source, archive busy or missing,",
                "     port in use)",
                "With --debug, a failure also prints its Java stack trace.",
                "", "Run 'patchlane help COMMAND' for a command's options and examples."})
public final class Main implements Runnable {
    /**
     * Every command, in the order {@code --help} lists them. Not in the annotation: picocli makes an instance of each
     * declared subcommand (and runs its static initialisers) on every start, which a short query should not pay for.
     */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, IngestCommand.class, SearchCommand.class,
            ShowCommand.class, StatsCommand.class, SeriesCommand.class, AcksCommand.class, InterdiffCommand.class,
            LinksCommand.class, CheckCommand.class, FetchCommand.class, PullsCommand.class, BackportCommand.class,
            MergedCommand.class, TogetherCommand.class, StateCommand.class, LinkCommand.class, DigestCommand.class,
            ReindexCommand.class, ServeCommand.class, WatchCommand.class, SourcesCommand.class, UserCommand.class,
            GenArchiveCommand.class, BenchCommand.class, CommandLine.HelpCommand.class);

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
        // Output is English, numbers as Plural prints them ("1,024"), whatever the locale: a server answering a
        // launcher in another locale (/api/cli) then prints what the caller's own JVM would.
        Locale.setDefault(Locale.ROOT);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return run(Invocation.LOCAL, args);
    }

    /** Runs a command line as {@code invocation} says (its streams are flushed, not closed); its exit code. */
    static int run(Invocation invocation, String... args) {
        return execute(commandLine(invocation, args), args);
    }

    /** Runs {@code args} on {@code cl}, made by {@link #commandLine(Invocation, String[])} for them; its exit code. */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** The whole command line, every command in it (for help and documentation tests). */
    static CommandLine commandLine() {
        return commandLine(Invocation.LOCAL, new String[0]);
    }

    /**
     * The command line that runs {@code args}: when they name a command, only that one is in it (the others' classes
     * stay unloaded); else every command, for the overview, {@code help} and picocli's suggestions.
     */
    static CommandLine commandLine(Invocation invocation, String[] args) {
        CommandLine cl = new CommandLine(new Main(), new Factory(invocation));
        Class<?> named = named(args);
        for (Class<?> c : named == null ? COMMANDS : List.of(named)) cl.addSubcommand(c);
        if (invocation.out() != null) cl.setOut(invocation.out());
        if (invocation.err() != null) cl.setErr(invocation.err());
        // Colour in help by the same rule as the commands' own output (Terminal), not picocli's own look at this
        // process's console: a server answering a caller's terminal must print what the caller's JVM would.
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                invocation.terminal() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
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

    /**
     * The command the first argument that is no option names, or null (none, {@code help}, no command, or a help
     * option before it: {@code --help search} prints the overview, which lists every command).
     */
    private static Class<?> named(String[] args) {
        for (String a : args) {
            if (a.equals("--") || a.equals("-h") || a.equals("--help")) return null;
            if (a.startsWith("-")) continue;
            for (Class<?> c : COMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(a)) return c;
            }
            return null;
        }
        return null;
    }

    /** Makes commands and mixins as picocli's own factory does, then gives them the invocation's defaults. */
    private record Factory(Invocation invocation) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K made = CommandLine.defaultFactory().create(cls);
            if (made instanceof DataOptions d) d.data = invocation.defaultData();
            if (made instanceof InvokedCommand i) i.invocation(invocation);
            return made;
        }
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
