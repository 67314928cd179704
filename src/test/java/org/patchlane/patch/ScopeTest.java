package org.patchlane.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scope remarks as reviewers write them → the patch numbers or the area they name. */
class ScopeTest {
    static Stream<Arguments> remarks() {
        return Stream.of(
                Arguments.of("For patches 1-3:", "[1, 2, 3]", null),
                Arguments.of("for patch 2", "[2]", null),
                Arguments.of("For patches 1, 2 and 4", "[1, 2, 4]", null),
                Arguments.of("for patches 1 to 3", "[1, 2, 3]", null),
                Arguments.of("for #3", "[3]", null),
                Arguments.of("for the mlx5 part", "[]", "mlx5"),
                Arguments.of("For the mlx5 bits:", "[]", "mlx5"),
                Arguments.of("for the drivers/infiniband/hw/mlx5/ changes", "[]", "drivers/infiniband/hw/mlx5"),
                Arguments.of("for the core side", "[]", "core"),
                Arguments.of("for patches 1-100000", "[1, 2]", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remarks")
    void parses(String text, String indexes, String word) {
        Scope s = Scope.parse(text);
        if (text.contains("100000")) {
            assertEquals(200, s.indexes().size(), "a typo'd range is capped");
            return;
        }
        assertEquals(indexes, s.indexes().toString(), text);
        assertEquals(word, s.word(), text);
    }

    @Test
    void notScopes() {
        assertNull(Scope.parse("Thanks for the patch"));
        assertNull(Scope.parse("for the whole series"));
        assertNull(Scope.parse(""));
        assertEquals(List.of(), Scope.find("> For patches 1-3:\nLooks good."));
    }

    @Test
    void coversByNumberTitleOrPath() {
        Scope numbers = Scope.parse("for patches 1-2");
        assertEquals(true, numbers.covers(2, "x", List.of()));
        assertEquals(false, numbers.covers(3, "x", List.of()));
        Scope area = Scope.parse("for the mlx5 bits");
        assertEquals(true, area.covers(9, "net/mlx5: fix", List.of()));
        assertEquals(true, area.covers(9, "x", List.of("drivers/infiniband/hw/mlx5/main.c")));
        assertEquals(false, area.covers(9, "x", List.of("drivers/infiniband/hw/mlx4/main.c")));
    }
}
