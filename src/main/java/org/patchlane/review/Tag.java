package org.patchlane.review;

/** The one-letter tags of a MAINTAINERS section ({@code M:}, {@code F:}, ...), with what each holds. */
public enum Tag {
    /** a maintainer: patches go to them */
    M,
    /** a designated reviewer, to be copied on patches */
    R,
    /** a mailing list (its address, then optional notes such as "(moderated for non-subscribers)") */
    L,
    /** the status: Supported, Maintained, Odd Fixes, Orphan, Obsolete */
    S,
    /** a web page */
    W,
    /** a patchwork instance */
    Q,
    /** where to file bugs */
    B,
    /** a chat channel */
    C,
    /** the subsystem profile document (in 2015-era files: a person's name for the next M: line) */
    P,
    /** an SCM tree */
    T,
    /** a file pattern the section covers */
    F,
    /** a file pattern the section excludes, tested before its F: patterns */
    X,
    /** a regular expression on the file's path */
    N,
    /** a regular expression on a patch's content (not a path rule) */
    K;

    /** The tag for a letter, or null when MAINTAINERS defines no such tag. */
    public static Tag of(char letter) {
        for (Tag t : values()) if (t.name().charAt(0) == letter) return t;
        return null;
    }
}
