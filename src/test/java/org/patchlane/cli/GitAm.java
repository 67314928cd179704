package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real {@code git am} as the oracle for "{@code ... | git am} works": every message of the output is applied by
 * git in a repository of its own whose files hold what the patch's hunks expect (context and removed lines at their
 * line numbers, filler elsewhere), since the demo's kernel tree does not exist. A cover letter, or a message without
 * a diff, fails.
 */
final class GitAm {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");

    private GitAm() {
    }

    static void assumeAvailable() {
        boolean ok;
        try {
            ok = new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        assumeTrue(ok, "git is not on PATH: skipping");
    }

    /** Applies each message of {@code mbox} with {@code git am}; returns the subjects of the commits made. */
    static List<String> applyEach(byte[] mbox, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve("input.mbox");
        Files.write(file, mbox);
        Path split = Files.createDirectories(dir.resolve("split"));
        git(dir, "mailsplit", "-b", "-o" + split, file.toString());
        List<Path> messages;
        try (Stream<Path> s = Files.list(split)) {
            messages = s.sorted().toList();
        }
        assertFalse(messages.isEmpty(), "no message in the output");
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Path repo = dir.resolve("repo" + i);
            Files.createDirectories(repo);
            git(repo, "init", "-q");
            Path patch = dir.resolve("patch" + i);
            String info = git(repo, new ProcessBuilder.Redirect[] {ProcessBuilder.Redirect.from(messages.get(i).toFile())},
                    "mailinfo", dir.resolve("msg" + i).toString(), patch.toString());
            String diff = Files.readString(patch, StandardCharsets.UTF_8);
            assertTrue(diff.contains("\n@@ ") || diff.startsWith("diff "), "message " + (i + 1) + " has no diff:\n"
                    + info);
            for (Map.Entry<String, String> f : preimages(diff).entrySet()) {
                Path target = repo.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
            git(repo, "add", "-A");
            git(repo, "commit", "-q", "--allow-empty", "-m", "base");
            git(repo, "am", "-q", messages.get(i).toString());
            subjects.add(git(repo, "log", "-1", "--format=%s").strip());
        }
        return subjects;
    }

    /** For each file a patch modifies or deletes: the old lines its hunks name, at their line numbers. */
    static Map<String, String> preimages(String diff) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        List<String> current = null;
        int oldLeft = 0;
        int newLeft = 0;
        for (String line : diff.split("\n", -1)) {
            if (oldLeft > 0 || newLeft > 0) {
                // Inside a hunk: its header's counts say where it ends (mail may strip a blank context line's space).
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                if (kind == '\\') continue;
                if (kind != '+') {
                    oldLeft--;
                    if (current != null) current.add(line.isEmpty() ? "" : line.substring(1));
                }
                if (kind != '-') newLeft--;
            } else if (line.startsWith("--- ")) {
                String path = line.substring(4).replaceFirst("\t.*", "");
                current = path.equals("/dev/null") ? null : files.computeIfAbsent(path.replaceFirst("^a/", ""),
                        k -> new ArrayList<>());
            } else if (line.startsWith("@@")) {
                Matcher m = HUNK.matcher(line);
                assertTrue(m.find(), "bad hunk header: " + line);
                int start = Integer.parseInt(m.group(1));
                oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                newLeft = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                if (current != null) {
                    while (current.size() < start - 1) current.add("filler line " + (current.size() + 1));
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        files.forEach((path, lines) -> out.put(path, String.join("\n", lines) + "\n"));
        return out;
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        return git(dir, null, args);
    }

    private static String git(Path dir, ProcessBuilder.Redirect[] stdin, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Patchlane Test",
                "-c", "user.email=test@patchlane.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        if (stdin != null) pb.redirectInput(stdin[0]);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
