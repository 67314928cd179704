package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * What a user reads points only inside the project: a clone has no {@code ../shared} and no design notes, so the
 * README, docs/, the web templates, the shipped sources and resources, and every {@code --help} text name neither.
 */
class SelfContainedDocsTest {
    private static final List<String> OUTSIDE = List.of("../shared", "DESIGN.md");

    @Test
    void filesMentionNothingOutsideTheProject() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        for (String dir : List.of("docs", "web", "src/main")) {
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                // Text only: mail archives are data, and the README's screenshots are images.
                s.filter(Files::isRegularFile).filter(f -> !f.toString().matches(".*\\.(mbox|png)$")).forEach(files::add);
            }
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (String bad : OUTSIDE) if (text.contains(bad)) found.add(f + " mentions " + bad);
        }
        assertTrue(files.size() > 50, "scanned too few files: " + files.size());
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    @Test
    void noHelpTextMentionsOutsideTheProject() {
        List<String> found = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        for (CommandLine c : all) {
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String bad : OUTSIDE) if (help.contains(bad)) found.add(c.getCommandName() + " --help mentions " + bad);
        }
        assertTrue(all.size() > 10, "too few commands: " + all.size());
        assertTrue(found.isEmpty(), String.join("\n", found));
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }
}
