package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExportsTest {

    static Diff diffAdding(String... lines) {
        StringBuilder sb = new StringBuilder("diff --git a/lib/x.c b/lib/x.c\n--- a/lib/x.c\n+++ b/lib/x.c\n");
        sb.append("@@ -1,2 +1,").append(2 + lines.length).append(" @@\n int a;\n");
        for (String l : lines) sb.append('+').append(l).append('\n');
        sb.append(" int b;\n");
        return Diffs.parse(sb.toString());
    }

    /** added line | exported symbol (- none) */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            EXPORT_SYMBOL(auxiliary_device_init);                     | auxiliary_device_init
            EXPORT_SYMBOL_GPL(__auxiliary_driver_register);           | __auxiliary_driver_register
            EXPORT_SYMBOL_NS_GPL(mlx5_core_access_reg, MLX5_CORE);   | mlx5_core_access_reg
            `EXPORT_SYMBOL_NS_GPL(cxl_bus_type, "CXL");`              | cxl_bus_type
            EXPORT_SYMBOL_NS(foo_ns, FOO);                            | foo_ns
            EXPORT_SYMBOL_GPL_FOR_MODULES(kvm_helper, "kvm");         | kvm_helper
            `EXPORT_SYMBOL_GPL( spaced_sym );`                        | spaced_sym
            `	EXPORT_SYMBOL(tabbed);`                              | tabbed
            // EXPORT_SYMBOL(commented) is not matched at line start  | -
            #define EXPORT_SYMBOL(sym) __EXPORT(sym)                  | -
            int EXPORT_SYMBOLS_COUNT = 3;                             | -
            """)
    void readsAddedExports(String line, String symbol) {
        assertEquals(symbol.equals("-") ? List.of() : List.of(symbol), Exports.added(diffAdding(line)));
    }

    @Test
    void removedLinesAndContextDoNotExport() {
        Diff d = Diffs.parse("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,1 @@\n EXPORT_SYMBOL(ctx);\n"
                + "-EXPORT_SYMBOL(gone);\n");
        assertEquals(List.of(), Exports.added(d));
        assertEquals(List.of(), Exports.added(null));
    }

    @Test
    void duplicatesCollapseInOrder() {
        assertEquals(List.of("b", "a"), Exports.added(diffAdding("EXPORT_SYMBOL(b);", "EXPORT_SYMBOL(a);",
                "EXPORT_SYMBOL_GPL(b);")));
    }
}
