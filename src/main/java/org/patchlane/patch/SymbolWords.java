package org.patchlane.patch;

import java.util.Set;

/**
 * Which identifiers can link two series: a symbol must be a name one series adds and another calls, so names
 * that every C file or every driver says are left out. The rule, in order:
 * <ol>
 *   <li>shorter than {@value #MIN_LENGTH} characters: locals and members ({@code i}, {@code ret}, {@code dev},
 *   {@code np}) and fixed-width types ({@code u32}); kernel API names carry a subsystem prefix and are
 *   longer;</li>
 *   <li>a C keyword (C11 and C23, GNU extensions, preprocessor words): never a symbol;</li>
 *   <li>a name of the short {@link #COMMON} list: types, annotations and helpers that nearly every driver
 *   uses, and common member words. A series that moves one of them into a new header (as
 *   {@code container_of()} was split out of {@code kernel.h}) must not become every driver's
 *   prerequisite;</li>
 *   <li>module boilerplate: {@code EXPORT_SYMBOL*} and {@code MODULE_*} macros.</li>
 * </ol>
 */
final class SymbolWords {
    private SymbolWords() {
    }

    static final int MIN_LENGTH = 4;

    static final Set<String> KEYWORDS = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
            "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
            "volatile", "while", "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary",
            "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "bool", "true", "false",
            "nullptr", "static_assert", "thread_local", "typeof", "typeof_unqual", "__typeof__", "__typeof",
            "__attribute__", "__attribute", "__asm__", "__asm", "asm", "__inline__", "__inline", "__volatile__",
            "__extension__", "__restrict", "__restrict__", "__builtin_expect", "__label__", "__VA_ARGS__",
            "define", "undef", "include", "ifdef", "ifndef", "elif", "endif", "defined", "pragma", "error",
            "warning", "line");

    static final Set<String> COMMON = Set.of(
            // types and constants every file names
            "NULL", "size_t", "ssize_t", "uintptr_t", "__u8", "__u16", "__u32", "__u64", "__s8", "__s16",
            "__s32", "__s64", "__le16", "__le32", "__le64", "__be16", "__be32", "__be64", "uint8_t", "uint16_t",
            "uint32_t", "uint64_t", "int8_t", "int16_t", "int32_t", "int64_t", "gfp_t", "dma_addr_t",
            "phys_addr_t", "loff_t",
            // annotations
            "__init", "__exit", "__iomem", "__user", "__rcu", "__force", "__must_check", "__always_inline",
            "__maybe_unused", "__packed", "__aligned", "__printf", "__cold", "__weak", "noinline", "likely",
            "unlikely",
            // helpers nearly every driver calls
            "container_of", "ARRAY_SIZE", "offsetof", "sizeof_field", "min_t", "max_t", "clamp", "kfree",
            "kmalloc", "kzalloc", "kcalloc", "kvfree", "devm_kzalloc", "memset", "memcpy", "strcmp", "printk",
            "pr_err", "pr_warn", "pr_info", "pr_debug", "dev_err", "dev_warn", "dev_info", "dev_dbg",
            "IS_ERR", "PTR_ERR", "ERR_PTR", "IS_ERR_OR_NULL", "WARN_ON", "WARN_ON_ONCE", "BUG_ON", "BIT",
            "GFP_KERNEL", "EINVAL", "ENOMEM", "ENODEV", "EBUSY", "EOPNOTSUPP", "THIS_MODULE",
            // member and parameter words
            "init", "data", "name", "type", "size", "flags", "priv", "list", "lock", "node", "mode", "state",
            "count", "index", "value", "owner", "parent", "probe", "remove", "driver", "device", "info", "base");

    /** True when {@code name} may link two series by the rule above. */
    static boolean counts(String name) {
        return name.length() >= MIN_LENGTH && !KEYWORDS.contains(name) && !COMMON.contains(name)
                && !name.startsWith("EXPORT_SYMBOL") && !name.startsWith("MODULE_");
    }
}
