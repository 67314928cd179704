package org.patchlane.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.patchlane.store.Searcher;
import org.patchlane.web.CliRoutes;

import picocli.CommandLine;

/**
 * What a server answers the launcher at {@code /api/cli}: {@code search}, {@code series} and {@code acks} run in this
 * process over the server's searcher, with the caller's defaults, printing what a new JVM would print. Output is
 * UTF-8, as the launcher asks only from a UTF-8 locale. Refused (the launcher then runs the command itself): another
 * command, a data directory other than the server's, and the options that name other files ({@code --mbox} writes
 * bytes or a file for the caller, {@code --config} is a path of the caller's), and {@code --debug} (its stack trace
 * would be this server's, frames of the HTTP server under the command's, not the caller's JVM's).
 */
final class CliService implements CliRoutes.Runner {
    static final Set<String> COMMANDS = Set.of("search", "series", "acks");
    private static final Set<String> LOCAL_ONLY = Set.of("--mbox", "--config", "--no-server", "--debug");

    private final Path data;
    private final Searcher searcher;

    /** @param data the real path of the directory {@code searcher} reads */
    CliService(Path data, Searcher searcher) {
        this.data = data;
        this.searcher = searcher;
    }

    @Override
    public String data() {
        return data.toString();
    }

    @Override
    public CliRoutes.Answer run(CliRoutes.Call call) {
        List<String> args = call.args();
        if (!COMMANDS.contains(args.get(0)) || localOnly(args)) return null;
        Map<String, String> env = new HashMap<>();
        if (call.dataEnv() != null) env.put(DefaultDataDirectory.ENV, call.dataEnv());
        if (call.ci()) env.put("CI", "true");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8));
        Invocation inv = Invocation.remote(o, e, call.terminal() && !call.ci(), env, call.home(),
                Path.of(call.cwd()), searcher);
        String[] argv = args.toArray(String[]::new);
        // One command line for the check and the run: building it is most of a short query's own cost.
        CommandLine cl = Main.commandLine(inv, argv);
        if (!readsThisArchive(cl, inv, argv)) return null;
        int code = Main.execute(cl, argv);
        return new CliRoutes.Answer(code, out.toByteArray(), err.toByteArray());
    }

    private static boolean localOnly(List<String> args) {
        for (String a : args) {
            if (a.equals("--")) return false;
            int eq = a.indexOf('=');
            if (LOCAL_ONLY.contains(eq < 0 ? a : a.substring(0, eq))) return true;
        }
        return false;
    }

    /**
     * Whether the command line reads this server's archive: its {@code --data}, else the caller's default, from the
     * caller's directory. A command line that does not parse reads nothing and fails the same here as there.
     */
    private boolean readsThisArchive(CommandLine cl, Invocation inv, String[] args) {
        CommandLine.ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return true;
        }
        CommandLine.ParseResult sub = parsed.subcommand();
        if (sub == null) return false;
        Path named = sub.matchedOptionValue("--data", inv.defaultData());
        try {
            return inv.resolve(named).toRealPath().equals(data);
        } catch (IOException e) {
            return false;
        }
    }
}
