package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Lines;

/**
 * A reviewer limiting a trailer given on a cover letter: "for patches 1-3", "for the mlx5 bits",
 * {@code Acked-by: X <x@y> # for the mlx5 part}. Either patch numbers or a word to match against the patches'
 * subjects and files; the text is kept as evidence.
 *
 * @param text    the phrase as written
 * @param indexes patch numbers named, empty when the scope is a word
 * @param word    the area named ({@code mlx5}), lower case, or null when the scope is numbers
 */
public record Scope(String text, SortedSet<Integer> indexes, String word) {
    public Scope {
        indexes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(indexes));
    }

    /** "for patch 2", "for patches 1-3", "for patches 1, 2 and 4", "for #3". */
    private static final Pattern NUMBERS = Pattern.compile(
            "(?i)\\bfor\\s+(?:the\\s+)?(?:patch(?:es)?\\s*#?|#)\\s*(\\d{1,4}(?:\\s*(?:-|–|to|,|and|&)\\s*\\d{1,4})*)");
    /** "for the mlx5 bits", "for the drivers/infiniband/hw/mlx5 part". */
    private static final Pattern AREA = Pattern.compile(
            "(?i)\\bfor\\s+(?:the\\s+)?([\\w./-]+?)\\s+(?:bits?|parts?|changes?|patch(?:es)?|side|pieces?|hunks?)\\b");
    /** Words that fill the area slot without naming an area: "for the whole series", "for this patch". */
    private static final java.util.Set<String> NOT_AREAS = java.util.Set.of("the", "this", "that", "these", "those",
            "your", "all", "whole", "entire", "series", "other", "remaining", "rest", "same", "first", "last");
    private static final Pattern NUMBER_LIST_PART = Pattern.compile("(\\d+)(?:\\s*(?:-|–|to)\\s*(\\d+))?");
    /** Longest range expanded: a typo such as "1-9999" must not allocate a huge set. */
    private static final int MAX_RANGE = 200;

    /** The scope a text states, or null. Numbers win over a word when a text states both. */
    public static Scope parse(String text) {
        if (text == null || text.isBlank()) return null;
        Matcher n = NUMBERS.matcher(text);
        if (n.find()) {
            SortedSet<Integer> indexes = new TreeSet<>();
            Matcher part = NUMBER_LIST_PART.matcher(n.group(1));
            while (part.find()) {
                int from = Integer.parseInt(part.group(1));
                int to = part.group(2) == null ? from : Integer.parseInt(part.group(2));
                for (int i = from; i <= to && i - from < MAX_RANGE; i++) indexes.add(i);
            }
            return new Scope(n.group().strip(), indexes, null);
        }
        Matcher a = AREA.matcher(text);
        if (a.find()) {
            String word = a.group(1).toLowerCase(Locale.ROOT).replaceAll("[./]+$", "");
            if (!word.isEmpty() && !NOT_AREAS.contains(word)) {
                return new Scope(a.group().strip(), new TreeSet<>(), word);
            }
        }
        return null;
    }

    /**
     * The scopes a reviewer wrote in their own lines of a reply, in order: only short lines (a scope is a remark
     * such as "For patches 1-3:", not a sentence deep in a paragraph about something else).
     */
    public static List<Scope> find(String ownText) {
        List<Scope> out = new ArrayList<>();
        if (ownText == null) return out;
        for (String line : Lines.split(ownText)) {
            if (line.length() > 120 || line.startsWith(">")) continue;
            Scope s = parse(line);
            if (s != null) out.add(s);
        }
        return out;
    }

    /**
     * True when a patch falls in this scope.
     *
     * @param index the patch's number in its series
     * @param title the patch's subject title
     * @param files the paths it touches
     */
    public boolean covers(int index, String title, List<String> files) {
        if (word == null) return indexes.contains(index);
        if (title != null && title.toLowerCase(Locale.ROOT).contains(word)) return true;
        for (String f : files) {
            String path = "/" + f.toLowerCase(Locale.ROOT) + "/";
            if (path.contains("/" + word + "/") || path.contains("/" + word + ".") || word.contains("/") && path.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
