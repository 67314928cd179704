package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every prefix and operator against the fixture archive: query -> Message-IDs, newest first. */
class SearchTest {
    @TempDir
    static Path data;
    private static Searcher searcher;

    @BeforeAll
    static void fill() throws Exception {
        try (Archive archive = Archive.open(data)) {
            for (TestMessage m : Fixture.messages()) archive.add(m.build());
            archive.commit(Map.of());
        }
        searcher = Searcher.open(data, Fixture.CLOCK);
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("frobnicator", "reply1 patch1 cover old"),
                Arguments.of("s:frobnicator", "reply1 patch1 cover old"),
                Arguments.of("s:frob*", "reply1 patch1 cover old"),
                Arguments.of("b:unload", "reply1 patch1"),
                Arguments.of("bs:leaks", "reply1 patch1"),
                Arguments.of("nq:unload", "patch1"),
                Arguments.of("q:unload", "reply1"),
                Arguments.of("f:leon", "pull patch1 cover"),
                Arguments.of("f:leon@kernel.org", "pull patch1 cover"),
                Arguments.of("f:\"Leon Romanovsky\"", "pull patch1 cover"),
                Arguments.of("t:jgg@nvidia.com", "patch1"),
                Arguments.of("c:linux-rdma@vger.kernel.org", "patch1"),
                Arguments.of("c:carpenter", "old"),
                Arguments.of("tc:jgg", "patch1"),
                Arguments.of("a:jgg", "reply1 patch1"),
                Arguments.of("m:patch1@example.org", "patch1"),
                Arguments.of("m:<patch1@example.org>", "patch1"),
                Arguments.of("m:\"<patch1@example.org>\"", "patch1"),
                Arguments.of("d:20261102", "patch1 cover"),
                Arguments.of("d:20261104..", "recent pull nak"),
                Arguments.of("d:..20261101", "old"),
                Arguments.of("d:2026-11-02..2026-11-03", "reply1 patch1 cover"),
                Arguments.of("d:[20261102 TO 20261103]", "reply1 patch1 cover"),
                Arguments.of("dt:20261102100000", "patch1"),
                Arguments.of("d:2.weeks.ago..", "recent pull nak reply1 patch1 cover"),
                Arguments.of("d:14.days.ago..12.days.ago", "reply1 patch1 cover"),
                Arguments.of("d:last.week..", "recent"),
                Arguments.of("d:yesterday", "recent"),
                Arguments.of("d:3.days.ago..yesterday", "recent"),
                Arguments.of("d:today", ""),
                Arguments.of("dfn:mlx5", "patch1"),
                Arguments.of("dfn:drivers/infiniband/hw/mlx5/main.c", "patch1"),
                Arguments.of("dfn:Documentation", "single"),
                Arguments.of("dfa:kfree", "patch1"),
                Arguments.of("dfb:kvfree", "patch1"),
                Arguments.of("dfb:kfree", ""),
                Arguments.of("dfhh:mlx5_ib_probe", "patch1"),
                Arguments.of("patchid:" + Fixture.PATCH_ID, "patch1"),
                Arguments.of("basecommit:" + Fixture.BASE, "patch1"),
                Arguments.of("kind:patch", "patch1 single"),
                Arguments.of("kind:Reply", "nak reply1"),
                Arguments.of("kind:pull", "pull"),
                Arguments.of("kind:cover", "cover"),
                Arguments.of("v:2", "patch1 cover"),
                Arguments.of("v:[2 TO 3]", "patch1 cover"),
                Arguments.of("list:netdev", "nak"),
                Arguments.of("sob:leon", "patch1"),
                Arguments.of("ack:jgg", "reply1"),
                Arguments.of("rb:\"Jason Gunthorpe\"", "reply1"),
                Arguments.of("tb:quentin", ""),
                Arguments.of("tb:tim", "pull"),
                Arguments.of("nak:greg", "nak"),
                Arguments.of("flag:charset", "pull"),
                Arguments.of("flag:truncated", "pull"),
                Arguments.of("changeid:20261102-frob-abc123", "patch1"),
                Arguments.of("irt:patch1@example.org", "reply1"),
                Arguments.of("ref:<patch1@example.org>", "reply1"),
                Arguments.of("nq:\"change-id: 20261102-foo-abc123\"", "cover"),
                Arguments.of("(s:\"frobnicator fixes\" AND f:\"leon@kernel.org\") AND d:20261102..", "cover"),
                Arguments.of("frobnicator AND NOT kind:reply", "patch1 cover old"),
                Arguments.of("frobnicator -kind:reply", "patch1 cover old"),
                Arguments.of("kind:cover OR kind:pull", "pull cover"),
                Arguments.of("(kind:cover OR kind:pull) AND f:leon", "pull cover"),
                Arguments.of("NOT list:linux-rdma", "nak"),
                Arguments.of("\"frobnicator leaks\"", "reply1 patch1"),
                Arguments.of("\"leaks frobnicator\"", ""),
                Arguments.of("", "recent pull nak reply1 patch1 cover old single"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void finds(String query, String expected) throws Exception {
        SearchResult result = searcher.search(query, 0, 50);
        List<String> ids = result.hits().stream().map(h -> h.messageId().replace("@example.org", "")).toList();
        assertEquals(expected, String.join(" ", ids), searcher.syntax().explain(query));
        assertEquals(ids.size(), result.total());
    }
}
