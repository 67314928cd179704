package org.patchlane.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.ConfigFile;
import org.patchlane.mail.Address;

/**
 * The review policy of the configuration: which areas a set of changed files touches, each area's kind and people,
 * and the posted-together window. Immutable and thread-safe once loaded.
 *
 * <pre>
 * [maintainers]
 *         file = MAINTAINERS              ; relative: beside the configuration file
 * [area "rdma-core"]
 *         kind = infrastructure           ; infrastructure, driver or other
 *         path = drivers/infiniband/core/ ; repeatable, MAINTAINERS F: syntax
 *         maintainer = Jason Gunthorpe &lt;jgg@nvidia.com&gt;   ; repeatable
 * [together]
 *         window = 7d                     ; d, h or w; default 7d
 * </pre>
 * A path an {@code [area]} covers belongs to it (the deepest {@code path =} among areas decides, then the area
 * name's order); other paths belong to their most specific MAINTAINERS section, whose kind follows the default
 * split ({@link DefaultSplit}).
 */
public final class Policy {
    /** The posted-together window when {@code [together] window} is unset: a week, as maintainers ask. */
    public static final Duration WINDOW = Duration.ofDays(7);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([hdw])");
    private static final Pattern NAMED = Pattern.compile("(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*");

    private record ConfiguredArea(Area area, List<PathPattern> paths) {
    }

    private final Maintainers maintainers;
    private final List<ConfiguredArea> configured;
    private final Duration window;
    private final Map<Section, Area> sectionAreas = new IdentityHashMap<>();
    /** A kernel tree has about 90,000 files: room for all of them. */
    private static final int KNOWN_PATHS = 100_000;
    private final Map<String, PathArea> byPath = new java.util.concurrent.ConcurrentHashMap<>();

    private Policy(Maintainers maintainers, List<ConfiguredArea> configured, Duration window) {
        this.maintainers = maintainers;
        this.configured = List.copyOf(configured);
        this.window = window;
        for (Section s : maintainers.sections()) {
            sectionAreas.put(s, new Area(s.name(), DefaultSplit.of(s), Area.Origin.MAINTAINERS, s.contacts()));
        }
    }

    /**
     * Reads the policy settings of a configuration and the MAINTAINERS file it names.
     *
     * @param config    the configuration ({@link ConfigFile#empty()}: no areas, no MAINTAINERS, a 7-day window)
     * @param configDir where a relative {@code [maintainers] file} is; null: the configuration file's directory
     * @throws IllegalArgumentException for a bad kind, path, maintainer or window, naming the setting
     * @throws IOException              when the MAINTAINERS file cannot be read (its path is in the message)
     */
    public static Policy load(ConfigFile config, Path configDir) throws IOException {
        String where = config.path() == null ? "" : config.path() + ": ";
        Maintainers maintainers = Maintainers.NONE;
        String file = config.string("maintainers", null, "file");
        if (file != null && !file.isBlank()) {
            Path dir = configDir != null ? configDir
                    : config.path() != null && config.path().getParent() != null ? config.path().getParent()
                    : Path.of("");
            maintainers = Maintainers.parse(Files.readString(dir.resolve(file.strip()), StandardCharsets.UTF_8));
        }
        List<ConfiguredArea> areas = new ArrayList<>();
        for (String name : config.subsections("area")) areas.add(area(config, name, where));
        return new Policy(maintainers, areas, window(config.string("together", null, "window"), where));
    }

    /** A policy of a parsed MAINTAINERS file alone: no {@code [area]}, the default window. */
    public static Policy of(Maintainers maintainers) {
        return new Policy(maintainers, List.of(), WINDOW);
    }

    /** The MAINTAINERS file read ({@link Maintainers#NONE} when none is configured), with its problems. */
    public Maintainers maintainers() {
        return maintainers;
    }

    /** How far apart an infrastructure series and the driver series using it may be posted. */
    public Duration window() {
        return window;
    }

    /** The {@code [area]} sections, in name order. */
    public List<Area> configuredAreas() {
        return configured.stream().map(ConfiguredArea::area).toList();
    }

    /**
     * The areas touched by changed files. A repeated path counts once.
     *
     * @param paths paths relative to the tree's top ({@code drivers/net/foo.c}), as a diff names them without
     *              {@code a/}/{@code b/}
     */
    public TouchedAreas areas(Collection<String> paths) {
        Map<Area, List<String>> paths0 = new LinkedHashMap<>();
        Map<Area, Contacts> contacts = new LinkedHashMap<>();
        List<String> uncovered = new ArrayList<>();
        List<String> uapi = new ArrayList<>();
        for (String path : new LinkedHashSet<>(paths)) {
            PathArea p = pathArea(path);
            if (p.uapi()) uapi.add(path);
            if (p.area() == null) {
                uncovered.add(path);
                continue;
            }
            paths0.computeIfAbsent(p.area(), a -> new ArrayList<>()).add(path);
            contacts.merge(p.area(), p.people(), Contacts::plus);
        }
        List<AreaTouch> touches = new ArrayList<>();
        paths0.forEach((a, p) -> touches.add(new AreaTouch(a, p, contacts.get(a))));
        return new TouchedAreas(touches, uncovered, uapi);
    }

    /**
     * What one path is: its area (null when nothing covers it) and the people of every section covering it.
     *
     * @param uapi whether it is a user-space API header
     */
    private record PathArea(boolean uapi, Area area, Contacts people) {
    }

    /**
     * The path's area, remembered: a series' files recur in the series that follow it, and matching a path against
     * a MAINTAINERS file is the costly part of asking about every series ({@code together}). The policy is
     * immutable, so a remembered answer stays true; the memory is dropped whole when it outgrows {@link #KNOWN_PATHS}.
     */
    private PathArea pathArea(String path) {
        PathArea known = byPath.get(path);
        if (known != null) return known;
        List<SectionMatch> matches = maintainers.matches(path);
        Contacts everyone = Contacts.NONE;
        for (SectionMatch m : matches) everyone = everyone.plus(m.section().contacts());
        Area area = configuredFor(path);
        if (area != null) {
            if (!area.contacts().isEmpty()) everyone = area.contacts();
        } else if (!matches.isEmpty()) {
            area = sectionAreas.get(matches.get(0).section());
        }
        PathArea p = new PathArea(DefaultSplit.uapi(path), area, everyone);
        if (byPath.size() >= KNOWN_PATHS) byPath.clear();
        byPath.put(path, p);
        return p;
    }

    /** The area a MAINTAINERS section is when no {@code [area]} covers its paths. */
    public Area areaOf(Section section) {
        Area a = sectionAreas.get(section);
        return a != null ? a : new Area(section.name(), DefaultSplit.of(section), Area.Origin.MAINTAINERS,
                section.contacts());
    }

    private Area configuredFor(String path) {
        ConfiguredArea best = null;
        int depth = Integer.MIN_VALUE;
        for (ConfiguredArea c : configured) {
            for (PathPattern p : c.paths()) {
                if (p.depth() > depth && p.matches(path)) {
                    best = c;
                    depth = p.depth();
                }
            }
        }
        return best == null ? null : best.area();
    }

    private static ConfiguredArea area(ConfigFile config, String name, String where) {
        String at = where + "[area \"" + name + "\"] ";
        List<PathPattern> paths = new ArrayList<>();
        for (String p : config.strings("area", name, "path")) {
            try {
                paths.add(PathPattern.parse(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + "path: " + e.getMessage(), e);
            }
        }
        if (paths.isEmpty()) throw new IllegalArgumentException(at + "has no path: it would cover nothing");
        List<Address> people = new ArrayList<>();
        for (String m : config.strings("area", name, "maintainer")) {
            Matcher named = NAMED.matcher(m.strip());
            if (named.matches()) people.add(new Address(named.group(1), named.group(2)));
            else if (m.strip().matches("[^<>\\s]+@[^<>\\s]+")) people.add(new Address("", m.strip()));
            else throw new IllegalArgumentException(at + "maintainer must be 'Name <email>', not '" + m + "'");
        }
        String kind = config.string("area", name, "kind");
        AreaKind k;
        try {
            k = kind == null ? defaultKind(name, paths) : AreaKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + e.getMessage(), e);
        }
        return new ConfiguredArea(new Area(name, k, Area.Origin.CONFIGURATION,
                new Contacts(people, List.of(), List.of())), paths);
    }

    /** An [area] without kind = is classified like a MAINTAINERS section with those F: patterns. */
    private static AreaKind defaultKind(String name, List<PathPattern> paths) {
        return DefaultSplit.of(new Section(name, -1, Contacts.NONE, "", paths, List.of(), List.of(), Map.of()));
    }

    static Duration window(String value, String where) {
        return duration(value, where + "[together] window", WINDOW);
    }

    /**
     * A duration setting in the units of {@code [together] window}: hours, days or weeks ({@code 36h}, {@code 7d},
     * {@code 2w}).
     *
     * @param setting names the setting in the error ({@code [digest] quiet})
     * @param otherwise when unset or blank
     * @throws IllegalArgumentException for anything else, naming the setting
     */
    public static Duration duration(String value, String setting, Duration otherwise) {
        if (value == null || value.isBlank()) return otherwise;
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(setting + " must be a number of hours, days or weeks "
                    + "(36h, 7d, 2w), not '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
