package org.patchlane.patch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@link PatchId} against the real {@code git patch-id --stable}: each case makes a commit in a fresh
 * repository, then both the {@code format-patch} mail and the plain {@code git diff} of it must hash alike.
 * Skipped when {@code git} is not on PATH.
 */
class PatchIdGitTest {
    @TempDir
    static Path tmp;
    static Path repo;

    @BeforeAll
    static void gitAvailable() {
        GitCli.assumeAvailable();
    }

    /** A named change applied to the work tree before the case's commit. */
    record Change(String name, Consumer<Path> edit) {
    }

    @TestFactory
    List<DynamicTest> formatPatchAndDiffMatchGit() throws Exception {
        repo = tmp.resolve("repo");
        Files.createDirectories(repo);
        git("init", "-q", "-b", "main");
        write("README", lines(1, 30));
        write("src/main.c", "#include <stdio.h>\n\nint main(void)\n{\n\treturn 0;\n}\n");
        write("src/util.c", lines(100, 180));
        write("doc/old name.txt", "alpha\nbeta\ngamma\n");
        write("tail.txt", "one\ntwo\nthree\n");
        write("big.txt", lines(1, 400));
        Files.write(repo.resolve("logo.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 9});
        commit("initial");
        List<DynamicTest> tests = new ArrayList<>();
        for (Change c : changes()) {
            c.edit().accept(repo);
            commit(c.name());
            String mail = git("format-patch", "-1", "--stdout", "-M", "-C", "HEAD");
            String diff = git("diff", "-M", "HEAD~1", "HEAD");
            String binaryDiff = git("diff", "--binary", "HEAD~1", "HEAD");
            tests.add(check(c.name() + " (format-patch)", mail));
            tests.add(check(c.name() + " (git diff)", diff));
            tests.add(check(c.name() + " (git diff --binary, no renames)", binaryDiff));
        }
        return tests;
    }

    private DynamicTest check(String name, String text) throws Exception {
        String expected = gitWithInput(text, "patch-id", "--stable").strip();
        String expectedId = expected.isEmpty() ? null : expected.split(" ")[0];
        return DynamicTest.dynamicTest(name, () -> {
            assertNotNull(expectedId, "every case changes something, so git prints an id");
            assertEquals(expectedId, PatchId.compute(text), text);
            Diff d = Diffs.parse(text);
            assertNotNull(d, text);
            assertEquals(expectedId, d.patchId());
        });
    }

    private static List<Change> changes() {
        List<Change> list = new ArrayList<>(List.of(
                new Change("modify one line", r -> replace("src/main.c", "return 0;", "return 1;")),
                new Change("add a file", r -> write("src/new.c", "int x;\nint y;\n")),
                new Change("delete a file", r -> delete("src/new.c")),
                new Change("pure rename", r -> move("doc/old name.txt", "doc/new name.txt")),
                new Change("rename with edit", r -> {
                    move("src/util.c", "src/helpers.c");
                    replace("src/helpers.c", "line 150\n", "line 150 changed\n");
                }),
                new Change("several files", r -> {
                    replace("README", "line 3\n", "line three\n");
                    replace("src/main.c", "#include <stdio.h>\n", "#include <stdio.h>\n#include <stdlib.h>\n");
                    write("src/extra.h", "#define EXTRA 1\n");
                }),
                new Change("several hunks in one file", r -> {
                    replace("big.txt", "line 10\n", "line ten\n");
                    replace("big.txt", "line 200\n", "");
                    replace("big.txt", "line 390\n", "line 390\nline 390.5\n");
                }),
                new Change("whitespace only", r -> replace("src/main.c", "\treturn 1;", "    return 1;")),
                new Change("mode change only", r -> chmodX("tail.txt")),
                new Change("mode change and edit", r -> {
                    chmodX("README");
                    replace("README", "line 1\n", "line one\n");
                }),
                new Change("binary modify", r -> bytes("logo.bin", new byte[]{0, 1, 2, 3, 4, 5, 0, 7})),
                new Change("binary add with text edit", r -> {
                    bytes("icon.bin", new byte[]{9, 0, 8, 0, 7});
                    replace("tail.txt", "two\n", "deux\n");
                }),
                new Change("no newline at end", r -> write("tail.txt", "one\ndeux\nthree")),
                new Change("newline restored", r -> write("tail.txt", "one\ndeux\nthree\nfour\n")),
                new Change("empty new file", r -> write("empty.txt", "")),
                new Change("copy", r -> write("big-copy.txt", read("big.txt").replace("line 5\n", "line V\n"))),
                new Change("hunk at file start and end", r -> write("README", "first\n" + read("README") + "last\n"))));
        long seed = 20241208L;
        Random random = new Random(seed);
        for (int k = 0; k < 6; k++) {
            int n = k;
            list.add(new Change("random edits #" + n + " (seed " + seed + ")", r -> randomEdit(random)));
        }
        return list;
    }

    /** Replaces, inserts or deletes a few random lines of big.txt and README. */
    private static void randomEdit(Random random) {
        for (String file : List.of("big.txt", "README")) {
            List<String> content = new ArrayList<>(List.of(read(file).split("\n", -1)));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && content.size() > 2; e++) {
                int at = random.nextInt(content.size() - 1);
                switch (random.nextInt(3)) {
                    case 0 -> content.set(at, "changed " + random.nextInt(1000) + "\t tab  ");
                    case 1 -> content.add(at, "inserted " + random.nextInt(1000));
                    default -> content.remove(at);
                }
            }
            write(file, String.join("\n", content));
        }
    }

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k <= to; k++) sb.append("line ").append(k).append('\n');
        return sb.toString();
    }

    private static void commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private static String git(String... args) throws Exception {
        return gitWithInput(null, args);
    }

    private static String gitWithInput(String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test Author", "-c",
                "user.email=author@example.org", "-c", "core.autocrlf=false", "-c", "diff.noprefix=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("HOME", tmp.toString());
        env.put("GIT_AUTHOR_DATE", "2024-12-08T10:00:00+00:00");
        env.put("GIT_COMMITTER_DATE", "2024-12-08T10:00:00+00:00");
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("git " + args[0] + " failed: " + err);
        return out;
    }

    private static String read(String file) {
        try {
            return Files.readString(repo.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(String file, String content) {
        try {
            Path p = repo.resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bytes(String file, byte[] content) {
        try {
            Files.write(repo.resolve(file), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replace(String file, String from, String to) {
        String s = read(file);
        if (!s.contains(from)) throw new IllegalStateException(file + " lacks " + from);
        write(file, s.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    private static void delete(String file) {
        try {
            Files.delete(repo.resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(String from, String to) {
        try {
            Files.createDirectories(repo.resolve(to).getParent());
            Files.move(repo.resolve(from), repo.resolve(to));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void chmodX(String file) {
        try {
            Files.setPosixFilePermissions(repo.resolve(file),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
