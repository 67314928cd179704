package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellLineTest {
    record Case(String line, List<String> environment, List<List<String>> stages) {
    }

    @Test
    void splitsTheReadmesCommandLines() {
        List<Case> cases = List.of(
                new Case("./patchlane demo      # builds, serves", List.of(), List.of(List.of("./patchlane", "demo"))),
                new Case("./patchlane search 's:mlx5 AND kind:patch'", List.of(),
                        List.of(List.of("./patchlane", "search", "s:mlx5 AND kind:patch"))),
                new Case("./patchlane search --json 'nq:\"change-id: x\"'", List.of(),
                        List.of(List.of("./patchlane", "search", "--json", "nq:\"change-id: x\""))),
                new Case("./patchlane show --raw '<a@b>' | git am", List.of(),
                        List.of(List.of("./patchlane", "show", "--raw", "<a@b>"), List.of("git", "am"))),
                new Case("A=1 B=\"two words\" ./patchlane x", List.of("A=1", "B=two words"),
                        List.of(List.of("./patchlane", "x"))),
                new Case("./patchlane s \"a \\\"b\\\" c\"#not-a-comment", List.of(),
                        List.of(List.of("./patchlane", "s", "a \"b\" c#not-a-comment"))));
        for (Case c : cases) {
            ShellLine got = ShellLine.parse(c.line());
            assertEquals(c.environment(), got.environment(), c.line());
            assertEquals(c.stages(), got.stages(), c.line());
        }
        assertEquals("./patchlane demo", ShellLine.parse("./patchlane demo      # builds, serves").text());
        assertNull(ShellLine.parse("   # only a comment"));
        assertNull(ShellLine.parse(""));
    }
}
