package org.patchlane.review;

import java.util.List;

/**
 * The kind a MAINTAINERS section has when no {@code [area]} says otherwise, decided from its F: patterns. A
 * driver's own headers and documentation do not change what it is, so the driver rules look at its code: the
 * patterns outside {@code include/} and {@code Documentation/}. The first rule that applies wins:
 * <ol>
 *   <li><b>driver</b> when all its code lies in one driver's directory: {@code drivers/*&#47;hw/NAME/}
 *       ({@code drivers/infiniband/hw/mlx5/}), {@code drivers/net/ethernet/VENDOR/NAME/},
 *       {@code drivers/gpu/drm/NAME/} or one filesystem's {@code fs/NAME/};</li>
 *   <li><b>driver</b> when all its code lies inside one {@code drivers/} subsystem ({@code drivers/gpu/host1x/},
 *       {@code drivers/watchdog/foo_wdt.c}), none of it infrastructure by the next rule;</li>
 *   <li><b>infrastructure</b> when any pattern lies under {@code include/} (not {@code include/uapi/}),
 *       {@code mm/}, {@code kernel/}, {@code lib/}, {@code fs/} itself (not one filesystem's directory),
 *       {@code net/core/}, {@code drivers/base/}, or a {@code core/} directory at any depth outside a driver's
 *       directory ({@code drivers/infiniband/core/}, {@code sound/core/}): a subsystem directory owned whole
 *       with its headers ({@code drivers/watchdog/} and {@code include/linux/watchdog.h}) is shared code;</li>
 *   <li><b>driver</b> when every pattern outside {@code Documentation/} lies under one {@code drivers/}
 *       subdirectory, that directory itself included;</li>
 *   <li><b>other</b> for everything else: architecture code, documentation, tools, scripts, protocol stacks, the
 *       uAPI headers alone, a section matching by N: expressions only. Such an area is neither shared code nor one
 *       driver: it does not make a series infrastructure, nor is it a driver's own directory.</li>
 * </ol>
 * A pattern "lies in" a directory when it has more components, or ends in {@code /}, or names the directory's
 * last component without a dot or glob (a directory written without its slash).
 */
final class DefaultSplit {
    private static final List<List<String>> DRIVER_DIRS = List.of(
            List.of("drivers", "*", "hw", "*"),
            List.of("drivers", "net", "ethernet", "*", "*"),
            List.of("drivers", "gpu", "drm", "*"),
            List.of("fs", "*"));

    private DefaultSplit() {
    }

    static AreaKind of(Section section) {
        List<PathPattern> files = section.files();
        List<PathPattern> code = files.stream().filter(p -> !under(p, "include") && !under(p, "Documentation"))
                .toList();
        if (!code.isEmpty() && code.stream().allMatch(DefaultSplit::inDriverDir)) return AreaKind.DRIVER;
        if (!code.isEmpty() && oneDriversSubdirectory(code, 3)
                && code.stream().noneMatch(DefaultSplit::infrastructure)) {
            return AreaKind.DRIVER;
        }
        if (files.stream().anyMatch(DefaultSplit::infrastructure)) return AreaKind.INFRASTRUCTURE;
        List<PathPattern> own = files.stream().filter(p -> !under(p, "Documentation")).toList();
        if (!own.isEmpty() && oneDriversSubdirectory(own, 2)) return AreaKind.DRIVER;
        return AreaKind.OTHER;
    }

    /** True for a user-space API header: {@code include/uapi/...} or {@code arch/ARCH/include/uapi/...}. */
    static boolean uapi(String path) {
        if (path.startsWith("include/uapi/")) return true;
        if (!path.startsWith("arch/")) return false;
        int slash = path.indexOf('/', 5);
        return slash > 5 && path.startsWith("/include/uapi/", slash);
    }

    private static boolean inDriverDir(PathPattern p) {
        List<String> c = p.components();
        for (List<String> dir : DRIVER_DIRS) if (within(p, c, dir)) return true;
        return false;
    }

    private static boolean infrastructure(PathPattern p) {
        List<String> c = p.components();
        String top = c.get(0);
        if (top.equals("include")) return c.size() == 1 || !c.get(1).equals("uapi");
        if (top.equals("mm") || top.equals("kernel") || top.equals("lib")) return true;
        if (top.equals("fs")) return !inDriverDir(p);
        if (startsWith(c, List.of("net", "core")) || startsWith(c, List.of("drivers", "base"))) return true;
        if (inDriverDir(p)) return false;
        int last = c.size() - 1;
        for (int i = 1; i < c.size(); i++) {
            if (c.get(i).equals("core") && (i < last || p.directory() || p.literalEnd())) return true;
        }
        return false;
    }

    /** All patterns lie under one drivers/X/ with at least {@code components} components (2: X itself counts). */
    private static boolean oneDriversSubdirectory(List<PathPattern> patterns, int components) {
        String sub = null;
        for (PathPattern p : patterns) {
            List<String> c = p.components();
            if (!c.get(0).equals("drivers") || c.size() < components || PathPattern.hasGlob(c.get(1))) return false;
            if (c.size() == 2 && !p.directory() && !p.literalEnd()) return false;
            if (sub == null) sub = c.get(1);
            else if (!sub.equals(c.get(1))) return false;
        }
        return !"base".equals(sub);
    }

    /** The pattern lies in {@code dir} ("*" = any one literal component): see the class comment. */
    private static boolean within(PathPattern p, List<String> c, List<String> dir) {
        if (c.size() < dir.size()) return false;
        for (int i = 0; i < dir.size(); i++) {
            String d = dir.get(i);
            if (d.equals("*") ? PathPattern.hasGlob(c.get(i)) : !d.equals(c.get(i))) return false;
        }
        if (c.size() > dir.size() || p.directory()) return true;
        String last = c.get(c.size() - 1);
        return p.literalEnd() && last.indexOf('.') < 0;
    }

    private static boolean under(PathPattern p, String top) {
        return p.components().get(0).equals(top);
    }

    private static boolean startsWith(List<String> c, List<String> prefix) {
        return c.size() >= prefix.size() && c.subList(0, prefix.size()).equals(prefix);
    }
}
