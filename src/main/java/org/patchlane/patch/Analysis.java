package org.patchlane.patch;

import java.util.List;

/**
 * Everything the patch stage knows about one mail.
 *
 * @param tags     the subject taken apart
 * @param kind     what the mail is
 * @param trailers every trailer found in the author's text and in quotes (quoted ones marked)
 * @param diff     the diff, or null when the mail carries none
 * @param pull     the pull request, or null
 * @param markers  dependency markers (never null)
 * @param exports  symbols of {@code EXPORT_SYMBOL*(x)} lines the diff adds ({@link Symbols#exported()})
 * @param symbols  the API the diff adds and the names its code uses (never null)
 * @param dependencies the series the author's own text says it needs or points to, besides the markers
 * @param problems what was odd
 */
public record Analysis(SubjectTags tags, MessageKind kind, List<Trailer> trailers, Diff diff, PullRequest pull,
                       Markers markers, List<String> exports, Symbols symbols, List<DependencyRef> dependencies,
                       List<ParseProblem> problems) {
    public Analysis {
        trailers = List.copyOf(trailers);
        exports = List.copyOf(exports);
        if (symbols == null) symbols = Symbols.NONE;
        dependencies = List.copyOf(dependencies);
        problems = List.copyOf(problems);
    }
}
