package org.patchlane.patch;

/**
 * Something odd in a mail that did not stop analysis (JGit's FormatError pattern).
 *
 * @param severity how bad
 * @param line     0-based line in the analysed text, or -1
 * @param message  what was wrong
 */
public record ParseProblem(Severity severity, int line, String message) {
    public enum Severity { WARNING, ERROR }
}
