package org.patchlane.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

import org.patchlane.store.Searcher;

/**
 * How one command line runs: whether a person watches it, the environment its defaults come from, the directory its
 * relative paths start from, and where its archive comes from. {@link #LOCAL} is this process's own; a server
 * answering a launcher ({@link CliService}) runs a command with the caller's, over the searcher it already holds,
 * so that both print the same bytes.
 */
final class Invocation {
    /** This process: its console, environment and current directory; each command opens its own searcher. */
    static final Invocation LOCAL = new Invocation(null, null, Terminal.interactive(), System.getenv(),
            System.getProperty(DefaultDataDirectory.HOME_PROPERTY), null, null);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final Map<String, String> env;
    private final String home;
    private final Path cwd;
    private final Searcher shared;

    private Invocation(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> env, String home,
                       Path cwd, Searcher shared) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.env = env;
        this.home = home;
        this.cwd = cwd;
        this.shared = shared;
    }

    /**
     * A caller's command line run in a server: its output goes to {@code out}/{@code err}, and a command reading the
     * server's archive reads {@code searcher}, which it must not close ({@link CliService} checks the command reads
     * that archive before it runs).
     *
     * @param env  the caller's {@code PATCHLANE_DATA} and {@code CI} (what the defaults and colour depend on)
     * @param home the caller's launcher directory, or null
     * @param cwd  the caller's current directory (absolute)
     */
    static Invocation remote(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> env, String home,
                             Path cwd, Searcher searcher) {
        return new Invocation(out, err, terminal, Map.copyOf(env), home, cwd, searcher);
    }

    /** Standard output, or null for picocli's own (this process's {@code System.out}). */
    PrintWriter out() {
        return out;
    }

    /** Standard error, or null for picocli's own. */
    PrintWriter err() {
        return err;
    }

    /** Whether a person watches (bold highlights, colour): a console, and not under CI. */
    boolean terminal() {
        return terminal;
    }

    /** The data directory when {@code --data} is not given, as {@link DefaultDataDirectory} finds it. */
    Path defaultData() {
        return DefaultDataDirectory.of(env, home);
    }

    /** A path as the caller means it: relative ones from the caller's current directory. */
    Path resolve(Path p) {
        return cwd == null ? p : cwd.resolve(p);
    }

    /**
     * The archive in {@code data}, for reading: locally a searcher of its own; in a server the server's, which
     * {@link CliService} has made sure is the archive in {@code data} before the command ran.
     */
    Reading read(Path data) throws IOException {
        return shared == null ? new Reading(Searcher.open(data), true) : new Reading(shared, false);
    }

    /** A searcher a command reads, closed after the command only when the command opened it. */
    record Reading(Searcher searcher, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (owned) searcher.close();
        }
    }
}
