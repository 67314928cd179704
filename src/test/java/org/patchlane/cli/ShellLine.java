package org.patchlane.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One command line of a README {@code sh} block, split as a POSIX shell would for the simple cases the README
 * uses: words, '...' and "..." quoting, a trailing {@code # comment}, leading {@code VAR=value} assignments and
 * {@code |} pipes.
 *
 * @param text        the command as written, without its comment
 * @param environment the leading assignments, "VAR=value"
 * @param stages      the pipeline: each stage's words
 */
record ShellLine(String text, List<String> environment, List<List<String>> stages) {
    ShellLine {
        environment = List.copyOf(environment);
        stages = stages.stream().map(List::copyOf).toList();
    }

    /** The words of the first stage after its program name. */
    List<String> arguments() {
        return stages.get(0).subList(1, stages.get(0).size());
    }

    String program() {
        return stages.get(0).get(0);
    }

    /** The programs the output is piped to, in order ("git am" for {@code ... | git am}). */
    List<String> pipedTo() {
        return stages.subList(1, stages.size()).stream().map(s -> String.join(" ", s)).toList();
    }

    /** The line split into words; null for a blank or comment-only line. */
    static ShellLine parse(String text) {
        List<List<String>> stages = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) throw new IllegalArgumentException("unclosed ' in: " + text);
                word = (word == null ? new StringBuilder() : word).append(text, i + 1, close);
                i = close;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                for (i++; i < text.length() && text.charAt(i) != '"'; i++) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) i++;
                    word.append(text.charAt(i));
                }
                if (i >= text.length()) throw new IllegalArgumentException("unclosed \" in: " + text);
            } else if (Character.isWhitespace(c) || c == '|' || (c == '#' && word == null)) {
                if (word != null) words.add(word.toString());
                word = null;
                if (c == '#') {
                    end = i;
                    break;
                }
                if (c == '|') {
                    stages.add(words);
                    words = new ArrayList<>();
                }
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) words.add(word.toString());
        if (!words.isEmpty()) stages.add(words);
        if (stages.isEmpty()) return null;
        List<String> env = new ArrayList<>();
        List<String> first = new ArrayList<>(stages.get(0));
        while (!first.isEmpty() && first.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) env.add(first.remove(0));
        stages.set(0, first);
        return new ShellLine(text.substring(0, end).strip(), env, stages);
    }
}
