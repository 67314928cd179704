package org.patchlane.patch;

import org.patchlane.mail.BodyText;
import org.patchlane.mail.Mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The patch stage for one mail: subject tags, trailers, diff, pull request, markers, symbols and exports,
 * dependency references, and the message kind. Pure: no I/O, no clock; never throws on odd mail (problems are reported in the result).
 */
public final class PatchAnalyzer {
    private PatchAnalyzer() {
    }

    /**
     * Analyses a mail.
     * <ul>
     *   <li>Diff and markers: the author's own text ({@link BodyText#own()}, quotes removed) followed by each
     *   diff attachment, newline-joined; the body before the diff is the commit message.</li>
     *   <li>Trailers: every trailer of {@link BodyText#text()} (quoted ones marked, line numbers in that
     *   text), then those of each attachment (line numbers in that attachment).</li>
     *   <li>Pull request and dependency references: the own text only.</li>
     * </ul>
     */
    public static Analysis analyze(Mail mail) {
        BodyText body = mail.body() == null ? BodyText.EMPTY : mail.body();
        SubjectTags tags = SubjectTags.parse(mail.subject());
        List<ParseProblem> problems = new ArrayList<>();
        String diffText = diffText(body);
        Diff diff = Diffs.parse(diffText, problems);
        PullRequest pull = PullRequest.parse(body.own(), problems);
        List<Trailer> trailers = new ArrayList<>(Trailers.parse(body.text()));
        for (String attachment : body.attachments()) trailers.addAll(Trailers.parse(attachment));
        boolean threaded = !mail.inReplyTo().isEmpty() || !mail.references().isEmpty();
        MessageKind kind = MessageClassifier.classify(
                new MessageClassifier.Facts(tags.reply(), threaded, diff != null, pull != null, tags));
        Symbols symbols = Symbols.of(diff);
        return new Analysis(tags, kind, trailers, diff, pull, Markers.parse(diffText), List.copyOf(symbols.exported()),
                symbols, DependencyRefs.in(body.own()), problems);
    }

    private static String diffText(BodyText body) {
        StringBuilder sb = new StringBuilder(body.own() == null ? "" : body.own());
        for (String attachment : body.attachments()) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
            sb.append(attachment);
        }
        return sb.toString();
    }
}
