package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolsTest {

    /** A diff adding {@code code} (lines split at a literal {@code \n}) as one run between two context lines. */
    static Diff adding(String path, String code) {
        String[] lines = code.replace("\\n", "\n").replace("\\t", "\t").split("\n", -1);
        StringBuilder sb = new StringBuilder("diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/"
                + path + "\n");
        sb.append("@@ -10,2 +10,").append(2 + lines.length).append(" @@\n \n");
        for (String l : lines) sb.append('+').append(l).append('\n');
        sb.append(" \n");
        return Diffs.parse(sb.toString());
    }

    static Set<String> names(String spaceSeparated) {
        return spaceSeparated.equals("-") ? Set.of() : new LinkedHashSet<>(List.of(spaceSeparated.split(" ")));
    }

    /** added header code | the names it defines, in order (- none) */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            int foo_register(struct foo_ops *ops);                                   | foo_register
            extern void foo_unregister(struct foo_ops *ops);                         | foo_unregister
            struct foo_ops *foo_ops_get(int id);                                     | foo_ops_get
            int __must_check foo_start(struct foo_dev *fdev);                        | foo_start
            __printf(2, 3) void foo_log(struct foo_dev *fdev, const char *fmt, ...); | foo_log
            int foo_map(struct foo_dev *fdev,\\n\\t    unsigned long addr,\\n\\t    size_t len); | foo_map
            static inline bool foo_enabled(const struct foo_dev *fdev)\\n{\\n\\treturn fdev->on && foo_inc(fdev);\\n} | foo_enabled
            #define FOO_MAX_QUEUES 64                                                | FOO_MAX_QUEUES
            `#define FOO_NAME "foo"`                                                 | FOO_NAME
            #define to_foo_dev(d) container_of(d, struct foo_dev, dev)               | to_foo_dev
            `#define foo_for_each(fdev, pos) \\\\n\\tlist_for_each_entry(pos, &(fdev)->list, node)` | foo_for_each
            #define FOO_ALIGN (64)                                                   | FOO_ALIGN
            #define _LINUX_FOO_H                                                     | -
            struct foo_dev {\\n\\tstruct device dev;\\n\\tint (*foo_member)(void);\\n}; | foo_dev
            union foo_addr {\\n\\t__be32 v4;\\n\\tu8 v6[16];\\n};                   | foo_addr
            enum foo_state {\\n\\tFOO_STATE_IDLE,\\n\\tFOO_STATE_RUN = 2,\\n\\tFOO_STATE_DEAD = BIT(3),\\n}; | foo_state FOO_STATE_IDLE FOO_STATE_RUN FOO_STATE_DEAD
            enum {\\n\\tFOO_FLAG_A = (1 << 0), /* FOO_FLAG_COMMENT */\\n\\tFOO_FLAG_B,\\n}; | FOO_FLAG_A FOO_FLAG_B
            typedef u32 foo_handle_t;                                                | foo_handle_t
            typedef int (*foo_match_fn)(struct foo_dev *fdev, const void *data);     | foo_match_fn
            typedef struct {\\n\\tu64 val;\\n} foo_cookie_t;                        | foo_cookie_t
            typedef struct foo_ctx {\\n\\tint a;\\n} foo_ctx_t;                     | foo_ctx foo_ctx_t
            typedef unsigned int __bitwise foo_mask_t;                               | foo_mask_t
            extern struct bus_type foo_bus_type;                                     | foo_bus_type
            extern const struct attribute_group *foo_groups[];                       | foo_groups
            extern void (*foo_hook)(struct foo_dev *fdev);                           | foo_hook
            struct foo_dev;                                                          | -
            DECLARE_PER_CPU(struct foo_stats, foo_pcpu_stats);                       | -
            static DEFINE_MUTEX(foo_mutex);                                          | -
            /* int foo_in_comment(void); */                                          | -
            // int foo_line_comment(void);                                           | -
            /*\\n * foo_doc() - does things\\n * int foo_doc_proto(void);\\n */      | -
            ` * int foo_continued(void);\\n */\\nint foo_after_comment(void);`      | foo_after_comment
            `\\treturn foo_helper(fdev);`                                            | -
            `\\tret = foo_helper(fdev);`                                             | -
            `\\tstruct list_head foo_pending;`                                       | -
            `\\tvoid (*foo_cb)(struct foo_dev *fdev);`                               | -
            `}\\nint foo_after_body(void);`                                          | foo_after_body
            `#include <linux/foo_types.h>`                                           | -
            int init(void);                                                          | -
            int foo(void);                                                           | -
            `const char *foo_str = "int foo_in_string(void);";`                      | -
            """)
    void headerDefinitions(String code, String defined) {
        Symbols s = Symbols.of(adding("include/linux/foo.h", code));
        assertEquals(names(defined), s.defined(), code);
        for (String name : s.defined()) assertTrue(!s.used().contains(name), name);
    }

    /** added C code | the names it uses, in order (- none) */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `\\tret = foo_register(&my_foo_ops);`                     | foo_register my_foo_ops
            `\\tpr_err("foo_string_only failed: %d", foo_err);`          | foo_err
            `\\tc = 'x'; s = "foo_\\"escaped\\" foo_still_string";` | -
            `\\t/* foo_commented() */`                                 | -
            `\\tfoo_call(); // foo_trailing_comment()`                 | foo_call
            `\\tfoo_first(); /* foo_inline */ foo_second();`           | foo_first foo_second
            `\\t/*\\n\\t * foo_block_line(),\\n\\t   foo_unstarred()\\n\\t */\\n\\tfoo_after();` | foo_after
            `\\tadev->foo_member = 1;`                                 | adev
            `\\t.probe = foo_probe,\\n\\t.remove = foo_remove,`       | foo_probe foo_remove
            `#include <linux/foo_bus.h>`                              | -
            `#include "foo_local.h"`                                  | -
            `#ifdef CONFIG_FOO_BUS`                                   | CONFIG_FOO_BUS
            `#if IS_ENABLED(CONFIG_FOO) && defined(FOO_QUIRK)`        | IS_ENABLED CONFIG_FOO FOO_QUIRK
            `#error "foo_error_text"`                                 | -
            `#define FOO_WRAP(arg) foo_wrapped(arg, FOO_FLAG)`        | foo_wrapped FOO_FLAG
            `\\tkfree(ptr); return NULL;`                              | -
            `\\tif (likely(foo_ready(fdev)))`                          | foo_ready fdev
            `\\tval = 0x1fULL + 10UL + 1e3;`                           | -
            `\\tint foo_local_proto(void);`                            | foo_local_proto
            `\\tunsigned long data, init, state;`                      | -
            EXPORT_SYMBOL_GPL(foo_driver_helper);                     | -
            """)
    void usedNames(String code, String used) {
        Symbols s = Symbols.of(adding("drivers/foo/foo_main.c", code));
        assertEquals(names(used), s.used(), code);
        assertEquals(s.exported(), s.defined(), "a .c file defines only what it exports");
    }

    @Test
    void infrastructureSeriesDefinesItsHeaderApiAndExports() {
        Symbols s = Symbols.of(Diffs.parse(DiffsTest.fixture("symbols-infra-auxiliary-bus.patch")));
        assertEquals(names("AUXILIARY_NAME_SIZE auxiliary_device_add auxiliary_driver_register "
                + "auxiliary_match_flags AUXILIARY_MATCH_NAME AUXILIARY_MATCH_ID auxiliary_device auxiliary_cookie "
                + "auxiliary_match_fn auxiliary_generation_t auxiliary_driver auxiliary_get_drvdata to_auxiliary_dev "
                + "auxiliary_device_init __auxiliary_device_add __auxiliary_driver_register auxiliary_bus_type "
                + "auxiliary_find_device"), s.defined());
        assertEquals(List.of("auxiliary_device_init", "__auxiliary_driver_register", "auxiliary_find_device"),
                List.copyOf(s.exported()));
        // the header's own uses, the .c file's calls; nothing from comments, strings, the .rst or removed lines
        assertTrue(s.used().containsAll(Set.of("dev_get_drvdata", "device_initialize", "driver_register",
                "KBUILD_MODNAME", "auxiliary_device_id")), s.used().toString());
        for (String never : List.of("auxiliary_comment_only", "auxiliary_enum_comment", "auxiliary_doc_call",
                "auxiliary_string_call", "auxiliary_doc_only_call", "auxiliary_doc_export", "old_thing",
                "old_match_helper", "auxiliary_match", "container_of", "pr_err", "NULL", "EINVAL")) {
            assertTrue(!s.defined().contains(never) && !s.used().contains(never) && !s.exported().contains(never),
                    never);
        }
    }

    @Test
    void driverSeriesUsesTheInfrastructureApi() {
        Symbols infra = Symbols.of(Diffs.parse(DiffsTest.fixture("symbols-infra-auxiliary-bus.patch")));
        Symbols driver = Symbols.of(Diffs.parse(DiffsTest.fixture("symbols-driver-mlx5-auxiliary.patch")));
        Set<String> shared = new LinkedHashSet<>(driver.used());
        shared.retainAll(infra.defined());
        assertEquals(names("auxiliary_device auxiliary_device_init auxiliary_device_add AUXILIARY_MATCH_NAME "
                + "auxiliary_get_drvdata"), shared);
        // its own header's struct and prototype are its API, not uses
        assertEquals(names("mlx5_adev mlx5_aux_init"), driver.defined());
        assertEquals(Set.of(), driver.exported());
        for (String never : List.of("context_only_helper", "legacy_add_call", "mlx5_add_device", "mlx5_commented_call",
                "auxiliary_quoted_in_comment", "auxiliary_string_arg", "auxiliary_line_comment", "mlx5_adev",
                "parent", "release", "kfree", "ERR_PTR")) {
            assertTrue(!driver.used().contains(never), never);
        }
        assertTrue(driver.used().contains("auxiliary_set_name"));
    }

    @Test
    void headerThatOnlyUsesNamesDefinesNothing() {
        Symbols s = Symbols.of(Diffs.parse(DiffsTest.fixture("symbols-header-uses-only.patch")));
        assertEquals(Set.of(), s.defined());
        assertEquals(names("rcu_head rcu_pending percpu_ref ref_owner atomic_long_add_relaxed percpu_ref_trace_get"),
                s.used());
    }

    @Test
    void onlyCodeFilesCountAndAssemblyOnlyExports() {
        assertSame(Symbols.NONE, Symbols.of(adding("Documentation/foo.rst", "int foo_register(void);")));
        assertSame(Symbols.NONE, Symbols.of(adding("drivers/foo/Kconfig", "\tdepends on FOO_BUS")));
        assertSame(Symbols.NONE, Symbols.of(adding("rust/kernel/foo.rs", "pub fn foo_register() {}")));
        Symbols asm = Symbols.of(adding("arch/x86/lib/memcpy_64.S",
                "SYM_FUNC_START(memcpy_fancy)\\n\\tmovq %rdi, %rax\\nSYM_FUNC_END(memcpy_fancy)\\nEXPORT_SYMBOL(memcpy_fancy)"));
        assertEquals(Set.of("memcpy_fancy"), asm.exported());
        assertEquals(Set.of("memcpy_fancy"), asm.defined());
        assertEquals(Set.of(), asm.used());
        assertSame(Symbols.NONE, Symbols.of(null));
    }

    @Test
    void commentStateIsNotCarriedAcrossAContextLine() {
        // the first run opens a comment that the (unseen) context closes; the second run is code again
        String text = """
                diff --git a/include/linux/foo.h b/include/linux/foo.h
                --- a/include/linux/foo.h
                +++ b/include/linux/foo.h
                @@ -1,4 +1,6 @@
                -/* old first line
                +/* new first line naming foo_not_code()
                  * rest of the comment
                  */
                 
                +int foo_real_api(void);
                +
                """;
        Symbols s = Symbols.of(Diffs.parse(text));
        assertEquals(Set.of("foo_real_api"), s.defined());
        assertEquals(Set.of(), s.used());
    }

    @Test
    void exportsStayCompleteWhileCommonNamesNeverLink() {
        Symbols s = Symbols.of(adding("lib/foo.c", "EXPORT_SYMBOL(init);\\nEXPORT_SYMBOL_NS_GPL(foo_ns_sym, \"FOO\");"));
        assertEquals(List.of("init", "foo_ns_sym"), List.copyOf(s.exported()));
        assertEquals(Set.of("foo_ns_sym"), s.defined());
    }
}
