package org.patchlane.patch;

import org.patchlane.patch.CodeTokens.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names the C tokens of a header block declare at file scope, fed one token at a time (preprocessor
 * directives excluded): the tag of a {@code struct}/{@code union}/{@code enum} that has a body, each enum
 * constant, a {@code typedef} name, a function prototype or {@code static inline} function, and an
 * {@code extern} variable. A forward declaration ({@code struct device;}), a member, a name used inside a body
 * or an argument of a file-scope macro call ({@code DECLARE_PER_CPU(int, x);}) declares nothing. Names are
 * kept as written; {@link SymbolWords} filtering is the caller's.
 *
 * <p>A block is read from file scope: added lines inside an existing body (a new member, a new constant of an
 * existing enum) are not recognised as such, and declare nothing unless they look like a prototype.
 */
final class Declarations {
    private static final Token BODY = new Token("{}", false, true, false, 0);
    private static final Set<String> STATEMENTS = Set.of("return", "if", "else", "while", "for", "do", "switch",
            "case", "default", "goto", "break", "continue");
    /** Words that may come right before a name but are no type: {@code static foo(void)} is a macro call. */
    private static final Set<String> NOT_A_TYPE = Set.of("static", "extern", "inline", "__inline", "__inline__",
            "register", "auto", "typedef", "const", "volatile");

    private enum Body { FUNCTION, ENUM, OTHER }

    private final Set<String> names = new LinkedHashSet<>();
    /** The file-scope tokens since the last {@code ;} or function body; a body is one {@link #BODY} token. */
    private final List<Token> decl = new ArrayList<>();
    private int depth;
    private Body body;
    private boolean expectConstant;
    private int enumParens;

    Set<String> names() {
        return names;
    }

    void accept(Token t) {
        if (depth == 0) {
            switch (t.text()) {
                case "{" -> open();
                case ";" -> {
                    finish();
                    decl.clear();
                }
                default -> decl.add(t);
            }
            return;
        }
        if (body == Body.ENUM && depth == 1) enumerator(t);
        if (t.text().equals("{")) {
            depth++;
        } else if (t.text().equals("}") && --depth == 0) {
            if (body == Body.FUNCTION) decl.clear();
            else decl.add(BODY);
        }
    }

    /** A body opens at file scope: a tagged aggregate, a function, or an initializer. */
    private void open() {
        depth = 1;
        body = Body.OTHER;
        int n = decl.size();
        String last = n > 0 ? decl.get(n - 1).text() : "";
        String beforeLast = n > 1 ? decl.get(n - 2).text() : "";
        if (isAggregate(beforeLast) && decl.get(n - 1).identifier()) {
            names.add(last);
            if (beforeLast.equals("enum")) body = Body.ENUM;
        } else if (last.equals("enum")) {
            body = Body.ENUM;
        } else if (!isAggregate(last) && !first().equals("typedef")) {
            String f = functionName();
            if (f != null) {
                names.add(f);
                body = Body.FUNCTION;
            }
        }
        expectConstant = body == Body.ENUM;
        enumParens = 0;
    }

    private void enumerator(Token t) {
        switch (t.text()) {
            case "(" -> enumParens++;
            case ")" -> enumParens--;
            case "," -> expectConstant = enumParens == 0;
            default -> {
                if (expectConstant && t.identifier()) names.add(t.text());
                expectConstant = false;
            }
        }
    }

    /** A file-scope declaration ends with {@code ;}. */
    private void finish() {
        if (decl.isEmpty() || STATEMENTS.contains(first())) return;
        if (first().equals("typedef")) {
            String name = typedefName();
            if (name != null) names.add(name);
            return;
        }
        String f = functionName();
        if (f != null) names.add(f);
        else if (first().equals("extern")) {
            String v = variableName();
            if (v != null) names.add(v);
        }
    }

    private String first() {
        return decl.isEmpty() ? "" : decl.get(0).text();
    }

    /**
     * The name before the first parenthesis at file scope that follows a type ({@code int foo(},
     * {@code struct x *foo(}), skipping annotation calls ({@code __printf(1, 2) void foo(}); null when an
     * {@code =} comes first (an initializer's call) or none follows a type.
     */
    private String functionName() {
        int parens = 0;
        boolean annotationClosed = false;
        boolean annotationOpen = false;
        for (int i = 0; i < decl.size(); i++) {
            String s = decl.get(i).text();
            if (parens == 0 && s.equals("=")) return null;
            if (s.equals("(")) {
                if (parens == 0) {
                    Token name = i >= 1 ? decl.get(i - 1) : null;
                    if (name != null && name.identifier() && !SymbolWords.KEYWORDS.contains(name.text())
                            && i >= 2 && isType(decl.get(i - 2), annotationClosed)) {
                        return name.text();
                    }
                    annotationOpen = name != null && name.identifier() && name.text().startsWith("__");
                }
                parens++;
            } else if (s.equals(")")) {
                parens--;
                if (parens == 0) annotationClosed = annotationOpen;
            } else if (parens == 0) {
                annotationClosed = false;
            }
        }
        return null;
    }

    private static boolean isType(Token before, boolean annotationClosed) {
        if (before.text().equals("*")) return true;
        if (before.text().equals(")")) return annotationClosed;
        return before.identifier() && !NOT_A_TYPE.contains(before.text()) && !STATEMENTS.contains(before.text());
    }

    /** {@code typedef ... (*name)(...)} or the last plain name at file scope, before any {@code [}. */
    private String typedefName() {
        String last = null;
        int parens = 0;
        for (int i = 1; i < decl.size(); i++) {
            Token t = decl.get(i);
            String s = t.text();
            if (s.equals("(")) {
                if (parens == 0 && i + 2 < decl.size() && decl.get(i + 1).text().equals("*")
                        && decl.get(i + 2).identifier()) {
                    return decl.get(i + 2).text();
                }
                parens++;
            } else if (s.equals(")")) {
                parens--;
            } else if (parens == 0 && s.equals("[")) {
                break;
            } else if (parens == 0 && t.identifier() && !SymbolWords.KEYWORDS.contains(s)) {
                last = s;
            }
        }
        return last;
    }

    /** {@code extern T name;}, {@code extern T name[];}, {@code extern T (*name)(...);}: the name. */
    private String variableName() {
        String last = null;
        for (int i = 1; i < decl.size(); i++) {
            Token t = decl.get(i);
            String s = t.text();
            if (s.equals("(") && i + 2 < decl.size() && decl.get(i + 1).text().equals("*")
                    && decl.get(i + 2).identifier()) {
                return decl.get(i + 2).text();
            }
            if (s.equals("[") || s.equals("=")) break;
            if (t.identifier() && !SymbolWords.KEYWORDS.contains(s) && !s.startsWith("__")) last = s;
        }
        return last;
    }

    private static boolean isAggregate(String s) {
        return s.equals("struct") || s.equals("union") || s.equals("enum");
    }
}
