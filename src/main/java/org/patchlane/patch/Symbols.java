package org.patchlane.patch;

import org.patchlane.patch.CodeTokens.Token;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The C symbols of a diff's added lines: what an infrastructure series adds as API and what a driver series
 * calls, the facts that link the two when no marker or prose does. Only added code counts: removed and context
 * lines, comments, string and character literals and {@code #include} targets never do, nor does a quoted diff
 * (the diff is read from the author's own text). Names {@link SymbolWords} rules out (C keywords, short and
 * ubiquitous names) are in neither {@code defined} nor {@code used}.
 *
 * <p>Cost: one pass over the added lines' characters ({@link CodeTokens}), then one over their tokens, with
 * constant work per token: linear in the size of the diff's post-image.
 *
 * @param defined  the API the diff adds: names a header ({@code *.h}) declares at file scope on added lines
 *                 (function prototypes and {@code static inline} functions, {@code #define} macros with a body
 *                 or parameters, tagged {@code struct}/{@code union}/{@code enum} definitions, enum constants,
 *                 typedefs, {@code extern} variables; see {@link Declarations}), and every exported symbol;
 *                 never a name the diff's removed C lines name (a moved declaration, a reworded export line)
 * @param exported the symbols of added {@code EXPORT_SYMBOL*(x)} lines of C and assembly files ({@code .c},
 *                 {@code .h}, {@code .S}), every one even if {@link SymbolWords} would rule it out, since an
 *                 export without a user is a finding of its own; not those the removed lines export already
 * @param used     every other name on added code lines of {@code .c} and {@code .h} files, except members
 *                 ({@code ->x}, {@code .x}), a macro's own parameters and the names of {@code defined}: a
 *                 series that adds a symbol does not use it from another series. Locals are in it too; a link
 *                 needs another series to define the name
 */
public record Symbols(Set<String> defined, Set<String> exported, Set<String> used) {
    public Symbols {
        defined = ordered(defined);
        exported = ordered(exported);
        used = ordered(used);
    }

    public static final Symbols NONE = new Symbols(Set.of(), Set.of(), Set.of());

    /** What kind of source a path holds, by its extension. */
    private enum Source {
        HEADER, C, ASSEMBLY, OTHER;

        static Source of(String path) {
            if (path == null) return OTHER;
            if (path.endsWith(".h")) return HEADER;
            if (path.endsWith(".c")) return C;
            if (path.endsWith(".S")) return ASSEMBLY;
            return OTHER;
        }
    }

    /** The symbols of a diff's added lines, each set in first-seen order; {@link #NONE} for null or no C code. */
    public static Symbols of(Diff diff) {
        if (diff == null) return NONE;
        Set<String> defined = new LinkedHashSet<>();
        Set<String> exported = new LinkedHashSet<>();
        Set<String> used = new LinkedHashSet<>();
        for (AddedBlock block : diff.addedBlocks()) {
            Source source = Source.of(block.path());
            if (source == Source.OTHER) continue;
            List<Token> tokens = CodeTokens.of(block.lines());
            Declarations declarations = new Declarations();
            int i = 0;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (t.directive() != 0) {
                    int end = i;
                    while (end < tokens.size() && tokens.get(end).directive() == t.directive()) end++;
                    if (source != Source.ASSEMBLY) directive(tokens.subList(i, end), source, defined, used);
                    i = end;
                    continue;
                }
                String export = Exports.exportedAt(tokens, i);
                if (export != null) exported.add(export);
                if (source != Source.ASSEMBLY) {
                    if (source == Source.HEADER) declarations.accept(t);
                    if (t.identifier() && !isMember(tokens, i)) used.add(t.text());
                }
                i++;
            }
            for (String name : declarations.names()) defined.add(name);
        }
        defined.addAll(exported);
        defined.removeIf(name -> !SymbolWords.counts(name));
        used.removeIf(name -> !SymbolWords.counts(name) || defined.contains(name) || exported.contains(name));
        // A name the removed code names was there before: a moved or reworded declaration or export line
        // (EXPORT_SYMBOL(x) made EXPORT_SYMBOL_NS(x, NS)) adds no API.
        Set<String> before = removedNames(diff);
        defined.removeAll(before);
        exported.removeAll(before);
        if (defined.isEmpty() && exported.isEmpty() && used.isEmpty()) return NONE;
        return new Symbols(defined, exported, used);
    }

    /**
     * The names on the removed lines of C and assembly files (comments and literals excepted), each line read as
     * code on its own: they exist before the diff. Empty when the removed counts do not account for exactly the pre-image's lines.
     */
    private static Set<String> removedNames(Diff diff) {
        if (diff.removed() == 0 || diff.preImage() == null) return Set.of();
        String[] lines = diff.preImage().split("\n", -1);
        int total = 0;
        for (FileDiff f : diff.files()) total += f.removed();
        if (total != lines.length) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        int at = 0;
        for (FileDiff f : diff.files()) {
            int n = f.removed();
            if (n > 0 && Source.of(f.oldPath() != null ? f.oldPath() : f.path()) != Source.OTHER) {
                // Line by line: removed lines need not be adjacent, and a kernel-style comment line (" * x's")
                // is only recognised at the start of a block.
                for (int k = at; k < at + n; k++) {
                    for (Token t : CodeTokens.of(List.of(lines[k]))) if (t.identifier()) out.add(t.text());
                }
            }
            at += n;
        }
        return out;
    }

    /**
     * One directive's tokens, {@code #} first. {@code #define NAME body} and {@code #define NAME(args) body}
     * define NAME in a header (a bodiless object-like macro is an include guard or a flag, no API); the body and
     * the conditions of {@code #if}/{@code #elif}/{@code #ifdef}/{@code #ifndef} use names. Other directives
     * ({@code #include}, {@code #error} text, {@code #undef}, {@code #pragma}) name nothing.
     */
    private static void directive(List<Token> d, Source source, Set<String> defined, Set<String> used) {
        if (d.size() < 2) return;
        switch (d.get(1).text()) {
            case "define" -> define(d, source, defined, used);
            case "if", "elif", "ifdef", "ifndef" -> {
                for (int k = 2; k < d.size(); k++) {
                    if (d.get(k).identifier() && !isMember(d, k)) used.add(d.get(k).text());
                }
            }
            default -> {
            }
        }
    }

    private static void define(List<Token> d, Source source, Set<String> defined, Set<String> used) {
        if (d.size() < 3 || !d.get(2).identifier()) return;
        String name = d.get(2).text();
        int body = 3;
        Set<String> parameters = new LinkedHashSet<>();
        boolean functionLike = d.size() > 3 && d.get(3).text().equals("(") && !d.get(3).spaced();
        if (functionLike) {
            body = 4;
            while (body < d.size() && !d.get(body).text().equals(")")) {
                if (d.get(body).identifier()) parameters.add(d.get(body).text());
                body++;
            }
            body++;
        }
        if (source == Source.HEADER && (functionLike || body < d.size())) defined.add(name);
        for (int k = body; k < d.size(); k++) {
            Token t = d.get(k);
            if (t.identifier() && !parameters.contains(t.text()) && !isMember(d, k)) used.add(t.text());
        }
    }

    /** {@code p->name} or {@code .name}: a member, not a symbol. */
    private static boolean isMember(List<Token> tokens, int i) {
        if (i == 0) return false;
        String before = tokens.get(i - 1).text();
        return before.equals("->") || before.equals(".");
    }

    private static Set<String> ordered(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
