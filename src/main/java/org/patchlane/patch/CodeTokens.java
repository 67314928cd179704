package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;

/**
 * Reader of the C tokens of an {@link AddedBlock}: identifiers, numbers, literals and punctuation, with comments
 * left out and literals emptied, each token marked with the preprocessor directive it belongs to.
 * One pass over the characters.
 *
 * <p>The block is read as code from its first line: comment state is not carried across a context line, since
 * the unseen lines around a block may close or open a comment. A block that starts inside a comment whose
 * opener is a context line is recognised by the kernel comment style: its leading lines start with {@code *}
 * followed by a blank, {@code /} or the end of the line ({@code * text}, <code>*&#47;</code>), which no statement does.
 */
final class CodeTokens {
    private CodeTokens() {
    }

    /**
     * One token.
     *
     * @param text       the token: an identifier, a number, {@code ""} or {@code ''} for a string or character
     *                   literal, or one punctuation character ({@code ->} as one token)
     * @param identifier an identifier (or keyword)
     * @param spaced     whitespace or a comment comes right before it on its line, or it starts a line
     * @param lineStart  the first token of its line
     * @param directive  0 outside a preprocessor directive, else the directive's number in the block (from 1);
     *                   the directive's first token is its {@code #}
     */
    record Token(String text, boolean identifier, boolean spaced, boolean lineStart, int directive) {
    }

    /** The tokens of a block's lines; never null. */
    static List<Token> of(List<String> lines) {
        Lexer lexer = new Lexer();
        boolean leading = true;
        for (String line : lines) {
            if (leading && continuesComment(line)) {
                lexer.inComment = true;
            } else {
                leading = false;
            }
            lexer.line(line);
        }
        return lexer.tokens;
    }

    /** <code>* text</code>, <code>*</code>, or <code>*&#47;...</code> after indentation: a kernel-style comment line. */
    static boolean continuesComment(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        if (i >= line.length() || line.charAt(i) != '*') return false;
        if (i + 1 >= line.length()) return true;
        char next = line.charAt(i + 1);
        return next == ' ' || next == '\t' || next == '/';
    }

    private static final class Lexer {
        final List<Token> tokens = new ArrayList<>();
        boolean inComment;
        /** The current directive number while a directive line ends with a backslash, else 0. */
        int directive;
        int directives;

        /** How many tokens there were when the current line began. */
        int lineFirst;

        void token(String text, boolean identifier, boolean spaced) {
            tokens.add(new Token(text, identifier, spaced, tokens.size() == lineFirst, directive));
        }

        void line(String line) {
            lineFirst = tokens.size();
            int n = line.length();
            boolean continued = directive != 0;
            if (!continued) {
                int first = firstCode(line);
                if (first >= 0 && line.charAt(first) == '#') directive = ++directives;
            }
            boolean spaced = true;
            int i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (inComment) {
                    int end = line.indexOf("*/", i);
                    if (end < 0) {
                        i = n;
                    } else {
                        inComment = false;
                        i = end + 2;
                    }
                    spaced = true;
                } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                    inComment = true;
                    i += 2;
                } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                    i = n;
                } else if (c == '"' || c == '\'') {
                    // a literal is one token without its text: no name inside it counts
                    token(c == '"' ? "\"\"" : "''", false, spaced);
                    i = literalEnd(line, i, c);
                    spaced = false;
                } else if (c == ' ' || c == '\t' || c == '\f') {
                    i++;
                    spaced = true;
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(line.charAt(i + 1)))) {
                    // 0x1fULL, 1e3, 10UL: letters inside a number are no identifier
                    int start = i;
                    i++;
                    while (i < n && (isIdentifierPart(line.charAt(i)) || line.charAt(i) == '.')) i++;
                    token(line.substring(start, i), false, spaced);
                    spaced = false;
                } else if (isIdentifierStart(c)) {
                    int start = i;
                    while (i < n && isIdentifierPart(line.charAt(i))) i++;
                    token(line.substring(start, i), true, spaced);
                    spaced = false;
                } else if (c == '-' && i + 1 < n && line.charAt(i + 1) == '>') {
                    token("->", false, spaced);
                    i += 2;
                    spaced = false;
                } else if (c == '\\' && directive != 0 && line.substring(i + 1).isBlank()) {
                    i = n;
                } else {
                    token(String.valueOf(c), false, spaced);
                    i++;
                    spaced = false;
                }
            }
            if (directive != 0 && !endsWithBackslash(line)) directive = 0;
        }

        /** The index of the line's first character outside a comment carried from the previous line, or -1. */
        int firstCode(String line) {
            int i = 0;
            if (inComment) {
                int end = line.indexOf("*/");
                if (end < 0) return -1;
                i = end + 2;
            }
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            return i < line.length() ? i : -1;
        }
    }

    /** The index after a string or character literal starting at {@code start}; the line's end if unclosed. */
    private static int literalEnd(String line, int start, char quote) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') i += 2;
            else if (c == quote) return i + 1;
            else i++;
        }
        return line.length();
    }

    private static boolean endsWithBackslash(String line) {
        String s = line.stripTrailing();
        return s.endsWith("\\");
    }

    static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
