package org.patchlane.patch;

import org.patchlane.patch.CodeTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Symbols a diff exports: the {@code EXPORT_SYMBOL(x)} family on added code lines (the implicit link between an
 * infrastructure series and the drivers that call it). {@link Symbols} reads them with the rest of the diff's
 * symbols; this class says what an export looks like.
 */
public final class Exports {
    private Exports() {
    }

    /** EXPORT_SYMBOL, _GPL, _NS, _NS_GPL, _GPL_FOR_MODULES (with the 6.13+ quoted namespace: ("x", "NS")). */
    private static final Pattern MACRO = Pattern.compile("EXPORT_SYMBOL(?:_[A-Z_]+)?");

    /** The exported symbols of the diff's added C and assembly lines, in order, without duplicates; empty for null. */
    public static List<String> added(Diff diff) {
        return new ArrayList<>(Symbols.of(diff).exported());
    }

    /**
     * The symbol exported by an export macro call starting at {@code tokens[i]}, or null: the macro must begin
     * its line outside a directive (so {@code #define EXPORT_SYMBOL(sym)} and a call inside a comment or an
     * expression are none) and name one identifier first: {@code EXPORT_SYMBOL_NS_GPL(sym, NS)}.
     */
    static String exportedAt(List<Token> tokens, int i) {
        Token macro = tokens.get(i);
        if (!macro.lineStart() || macro.directive() != 0 || !MACRO.matcher(macro.text()).matches()) return null;
        if (i + 3 >= tokens.size() || !tokens.get(i + 1).text().equals("(")) return null;
        Token symbol = tokens.get(i + 2);
        String after = tokens.get(i + 3).text();
        return symbol.identifier() && (after.equals(",") || after.equals(")")) ? symbol.text() : null;
    }
}
