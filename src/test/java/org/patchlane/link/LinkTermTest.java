package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.store.QuerySyntaxException;

/** Which terms of a series query the link stage answers, and what it leaves to the index. */
class LinkTermTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "kind:infrastructure                      | ''                         | KIND infrastructure",
            "kind:infrastructure AND missing:ack      | ''                         | KIND infrastructure, MISSING ack",
            "list:linux-rdma AND missing:user         | list:linux-rdma            | MISSING user",
            "missing:ack AND list:linux-rdma          | list:linux-rdma            | MISSING ack",
            "s:mlx5 kind:driver                       | s:mlx5                     | KIND driver",
            "NOT kind:driver                          | ''                         | !KIND driver",
            "-check:exports-fail s:aux                | s:aux                      | !CHECK exports-fail",
            "area:\"AUXILIARY BUS\"                    | ''                         | AREA AUXILIARY BUS",
            "uses:8d107a81e5c7 AND state:new          | state:new                  | USES 8d107a81e5c7",
            "kind:patch AND check:signoff             | kind:patch AND check:signoff | ''",
            "(kind:infrastructure OR s:x)             | (kind:infrastructure OR s:x) | ''",
            "s:\"kind:driver in a phrase\"              | s:\"kind:driver in a phrase\" | ''",
            "''                                       | ''                         | ''"})
    void split(String query, String rest, String terms) throws Exception {
        LinkTerm.Split s = LinkTerm.split(query);
        assertEquals(rest, s.rest());
        List<String> got = s.terms().stream().map(t -> (t.negated() ? "!" : "") + t.prefix() + " " + t.value()).toList();
        assertEquals(terms.isEmpty() ? List.of() : List.of(terms.split(", ")), got);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "kind:banana          | unknown value 'banana' for kind: (known: infrastructure, driver, other for series",
            "missing:review       | unknown value 'review' for missing: (known: ack, user)",
            "check:nothing-fail   | unknown value 'nothing-fail' for check:",
            "missing:ack OR s:foo | combine with the rest of a query by AND only",
            "area:                | area: needs a value"})
    void refused(String query, String message) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> LinkTerm.split(query));
        assertTrue(e.getMessage().startsWith(message) || e.getMessage().contains(message), e.getMessage());
    }
}
