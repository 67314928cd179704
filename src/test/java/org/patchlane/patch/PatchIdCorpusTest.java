package org.patchlane.patch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.SharedData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Real posted patches (patchwork and public-inbox fixtures, all 7-bit plain text): {@link PatchId} and
 * {@link Diffs} agree with {@code git patch-id --stable} run over the same message body. Skipped without
 * ../shared or git.
 */
class PatchIdCorpusTest {

    @BeforeAll
    static void gitAvailable() {
        GitCli.assumeAvailable();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "patchwork/mail/0008-git-rename.mbox",
            "patchwork/mail/0009-git-rename-with-diff.mbox",
            "patchwork/mail/0011-no-newline-at-end-of-file.mbox",
            "patchwork/mail/0021-git-empty-new-file.mbox",
            "patchwork/mail/0022-git-mode-change.mbox",
            "patchwork/mail/0025-git-add-binary-file.mbox",
            "patchwork/mail/0027-git-modify-binary-file.mbox",
            "patchwork/mail/0003-git-pull-request-with-diff.mbox",
            "public-inbox/t-solve/0001-simple-mod.patch",
            "public-inbox/t-solve/0002-rename-with-modifications.patch",
            "public-inbox/t-solve/bare.patch",
            "public-inbox/t-data/0001.patch",
            "public-inbox/t-data/binary.patch",
    })
    void matchesGit(String file) throws Exception {
        Path p = SharedData.require("corpus/" + file);
        String raw = Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String body = file.endsWith("bare.patch") ? raw : raw.substring(raw.indexOf("\n\n") + 2);
        String expected = gitPatchId(body);
        assertNotNull(expected, "the fixture holds a git diff");
        assertEquals(expected, PatchId.compute(body));
        assertEquals(expected, Diffs.parse(body).patchId());
    }

    private static String gitPatchId(String text) throws Exception {
        Process proc = new ProcessBuilder("git", "patch-id", "--stable").start();
        proc.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        proc.getOutputStream().close();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        proc.waitFor();
        return out.isEmpty() ? null : out.split(" ")[0];
    }
}
