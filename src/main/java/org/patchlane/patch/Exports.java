package org.patchlane.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Symbols a diff exports: the {@code EXPORT_SYMBOL(x)} family on added lines (the implicit
 * link between an infrastructure series and the drivers that call it).
 */
public final class Exports {
    private Exports() {
    }

    /** EXPORT_SYMBOL, _GPL, _NS, _NS_GPL, _GPL_FOR_MODULES, EXPORT_SYMBOL_NS_GPL(x, "NS") (6.13+ quoting). */
    private static final Pattern EXPORT =
            Pattern.compile("^\\s*EXPORT_SYMBOL(?:_[A-Z_]+)?\\s*\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*[,)]");

    /** The exported symbols of the diff's added lines, in order, without duplicates; empty for null. */
    public static List<String> added(Diff diff) {
        if (diff == null || diff.postImage().isEmpty()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String line : diff.postImage().split("\n")) {
            Matcher m = EXPORT.matcher(line);
            if (m.find()) out.add(m.group(1));
        }
        return new ArrayList<>(out);
    }
}
