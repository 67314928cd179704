package org.patchlane.patch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Lines;

/**
 * Explicit dependency markers ({@code base-commit:}, {@code change-id:}, {@code prerequisite-*:} lines), usually after the last {@code ---} of a cover or single patch.
 * Strings are null and lists empty when absent.
 */
public record Markers(String baseCommit, String changeId, List<String> prerequisitePatchIds,
                      List<String> prerequisiteMessageIds, List<String> prerequisiteChangeIds) {
    public Markers {
        prerequisitePatchIds = List.copyOf(prerequisitePatchIds);
        prerequisiteMessageIds = List.copyOf(prerequisiteMessageIds);
        prerequisiteChangeIds = List.copyOf(prerequisiteChangeIds);
    }

    public static final Markers NONE = new Markers(null, null, List.of(), List.of(), List.of());

    /** {@code key: value} at column 0; keys as {@code git format-patch --base} and b4 write them. */
    private static final Pattern LINE = Pattern.compile(
            "^(?i)(base-commit|change-id|prerequisite-patch-id|prerequisite-message-id|prerequisite-change-id):"
                    + "[ \\t]*(\\S+)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{7,64}");

    /**
     * The markers of a text. Only unquoted lines count: a reply quoting a cover letter must not repeat its
     * markers. The first {@code base-commit}/{@code change-id} wins; lists keep first-seen order without
     * duplicates. Message-IDs lose their angle brackets; commit ids and patch-ids are lower-cased.
     *
     * @param text any text, may be null
     */
    public static Markers parse(String text) {
        if (text == null || text.isEmpty()) return NONE;
        String base = null;
        String changeId = null;
        Set<String> patchIds = new LinkedHashSet<>();
        Set<String> messageIds = new LinkedHashSet<>();
        Set<String> changeIds = new LinkedHashSet<>();
        for (String line : Lines.split(text)) {
            // Every key starts with b, c or p: the other lines need no matcher.
            if (line.isEmpty() || "bcp".indexOf(line.charAt(0) | 0x20) < 0) continue;
            Matcher m = LINE.matcher(line);
            if (!m.lookingAt()) continue;
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            switch (key) {
                case "base-commit" -> {
                    if (base == null && HEX.matcher(value).matches()) base = value.toLowerCase(Locale.ROOT);
                }
                case "change-id" -> {
                    if (changeId == null) changeId = value;
                }
                case "prerequisite-patch-id" -> {
                    if (HEX.matcher(value).matches()) patchIds.add(value.toLowerCase(Locale.ROOT));
                }
                case "prerequisite-message-id" -> {
                    String id = value.replaceAll("^<|>$", "");
                    if (!id.isEmpty()) messageIds.add(id);
                }
                default -> changeIds.add(value);
            }
        }
        if (base == null && changeId == null && patchIds.isEmpty() && messageIds.isEmpty() && changeIds.isEmpty()) {
            return NONE;
        }
        return new Markers(base, changeId, new ArrayList<>(patchIds), new ArrayList<>(messageIds),
                new ArrayList<>(changeIds));
    }
}
