package org.patchlane.pull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.git.ConfigFile;

/**
 * One {@code [repo "NAME"]} of the configuration.
 *
 * <pre>
 * [repo "linux"]
 *     path = /srv/git/linux.git        ; a bare repository or a working tree; relative to the configuration file
 *     upstream = refs/heads/master     ; what "already upstream" means (default refs/heads/master)
 *     next = refs/heads/for-next       ; the tree pull requests must also merge into (optional)
 *     shared = net                     ; another [repo] whose upstream commits count as shared (repeatable)
 *     cutoff = rc6                     ; the last rc before which pull requests for the next merge window are due
 *     mirror = https://git.kernel.org/pub/scm/ /srv/mirror/   ; fetch such URLs from a local mirror (repeatable)
 * </pre>
 *
 * @param name     the subsection name
 * @param path     the repository
 * @param upstream the upstream ref
 * @param next     the next ref, or null
 * @param shared   names of other repositories whose upstream counts as shared
 * @param cutoff   the rc number of the cut-off (6 for {@code rc6})
 * @param mirrors  where pull requests' URLs are fetched from instead, longest prefix first
 */
public record RepoSettings(String name, Path path, String upstream, String next, List<String> shared, int cutoff,
                           List<Mirror> mirrors) {
    public static final String DEFAULT_UPSTREAM = "refs/heads/master";
    public static final int DEFAULT_CUTOFF = 6;

    public RepoSettings {
        shared = List.copyOf(shared);
        mirrors = mirrors.stream().sorted(java.util.Comparator.comparing((Mirror m) -> -m.prefix().length())).toList();
    }

    /** Settings without mirrors. */
    public RepoSettings(String name, Path path, String upstream, String next, List<String> shared, int cutoff) {
        this(name, path, upstream, next, shared, cutoff, List.of());
    }

    /** Where a pull request's URL is fetched from: its mirror (the longest matching prefix), else the URL itself. */
    public String fetchUrl(String url) {
        for (Mirror m : mirrors) {
            java.util.Optional<String> local = m.map(url);
            if (local.isPresent()) return local.get();
        }
        return url;
    }

    /**
     * Every configured repository, in name order.
     *
     * @param base the directory relative paths are resolved against (the configuration file's)
     * @throws IllegalArgumentException for a repository without a path, a bad cut-off or an unknown shared name
     */
    public static List<RepoSettings> of(ConfigFile config, Path base) {
        List<RepoSettings> out = new ArrayList<>();
        for (String name : config.subsections("repo")) {
            String path = config.string("repo", name, "path");
            if (path == null || path.isBlank())
                throw new IllegalArgumentException("[repo \"" + name + "\"] has no path = ...");
            String upstream = config.string("repo", name, "upstream");
            String cutoff = config.string("repo", name, "cutoff");
            int rc = DEFAULT_CUTOFF;
            if (cutoff != null) {
                if (!cutoff.strip().matches("(?i)rc[1-9][0-9]?"))
                    throw new IllegalArgumentException("[repo \"" + name + "\"] cutoff must be rcN (rc6): " + cutoff);
                rc = Integer.parseInt(cutoff.strip().substring(2));
            }
            out.add(new RepoSettings(name, base.resolve(expandHome(path.strip())),
                    upstream == null || upstream.isBlank() ? DEFAULT_UPSTREAM : upstream.strip(),
                    blankToNull(config.string("repo", name, "next")), config.strings("repo", name, "shared"), rc,
                    mirrors(config, name, base)));
        }
        for (RepoSettings r : out)
            for (String s : r.shared())
                if (out.stream().noneMatch(o -> o.name().equals(s)))
                    throw new IllegalArgumentException("[repo \"" + r.name() + "\"] shares \"" + s
                            + "\", which is no [repo] of the configuration");
        return out;
    }

    /** {@code mirror = URL-PREFIX LOCAL-PATH}: the local path relative to the configuration file, like {@code path}. */
    private static List<Mirror> mirrors(ConfigFile config, String name, Path base) {
        List<Mirror> out = new ArrayList<>();
        for (String m : config.strings("repo", name, "mirror")) {
            String[] parts = m.strip().split("\\s+");
            if (parts.length != 2)
                throw new IllegalArgumentException("[repo \"" + name + "\"] mirror must be URL-PREFIX LOCAL-PATH: " + m);
            out.add(new Mirror(parts[0], base.resolve(expandHome(parts[1])).normalize()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String expandHome(String p) {
        return p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
    }
}
