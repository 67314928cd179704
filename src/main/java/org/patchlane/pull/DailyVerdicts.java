package org.patchlane.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pulls --daily}: which requests became clean or unclean since the previous run. The previous verdicts are
 * kept in the data directory ({@code pulls-daily.tsv}: Message-ID, tab, clean or unclean), replaced atomically
 * after each run so a crash never leaves half a file.
 */
public final class DailyVerdicts {
    private final Path file;

    public DailyVerdicts(Path dataDir) {
        this.file = dataDir.resolve("pulls-daily.tsv");
    }

    /** How one request changed since the previous run. */
    public enum Change { NEW_CLEAN, NEW_UNCLEAN, BECAME_CLEAN, BECAME_UNCLEAN, STILL_CLEAN, STILL_UNCLEAN }

    /** A request and its change. */
    public record Changed(PullReport report, Change change) {
    }

    /** Compares today's verdicts with the previous run's, then records today's. */
    public List<Changed> update(List<PullReport> today) throws IOException {
        Map<String, Boolean> before = read();
        List<Changed> out = new ArrayList<>();
        Map<String, Boolean> now = new TreeMap<>();
        for (PullReport r : today) {
            boolean clean = r.clean();
            now.put(r.pull().messageId(), clean);
            Boolean was = before.get(r.pull().messageId());
            Change c = was == null ? (clean ? Change.NEW_CLEAN : Change.NEW_UNCLEAN)
                    : was == clean ? (clean ? Change.STILL_CLEAN : Change.STILL_UNCLEAN)
                    : clean ? Change.BECAME_CLEAN : Change.BECAME_UNCLEAN;
            out.add(new Changed(r, c));
        }
        write(now);
        return out;
    }

    private Map<String, Boolean> read() throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) out.put(line.substring(0, tab), line.substring(tab + 1).equals("clean"));
        }
        return out;
    }

    private void write(Map<String, Boolean> verdicts) throws IOException {
        StringBuilder b = new StringBuilder();
        verdicts.forEach((id, clean) -> b.append(id).append('\t').append(clean ? "clean" : "unclean").append('\n'));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "pulls-daily", ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
