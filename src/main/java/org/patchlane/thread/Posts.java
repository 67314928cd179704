package org.patchlane.thread;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.patchlane.mail.Address;
import org.patchlane.mail.Lines;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Diff;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Scope;
import org.patchlane.patch.SignoffCheck;
import org.patchlane.patch.Supersedes;
import org.patchlane.patch.SubjectTags;
import org.patchlane.patch.Trailer;
import org.patchlane.patch.Trailers;
import org.patchlane.review.MailNotices;

/** Builds the {@link Post} of a parsed and analysed mail. Pure. */
public final class Posts {
    private Posts() {
    }

    /**
     * @param list the list it was received on, "" when unknown
     */
    public static Post of(Mail mail, Analysis analysis, String list) {
        SubjectTags tags = analysis.tags();
        MessageKind kind = analysis.kind();
        String own = mail.body().own();
        boolean patch = kind == MessageKind.PATCH;
        Address author = patch ? inBodyAuthor(mail) : mail.from();
        List<Trailer> chain = patch ? commitTrailers(mail) : List.of();
        boolean series = patch || kind == MessageKind.COVER
                || kind == MessageKind.PULL && tags.index() == 0 && tags.total() > 0;
        Diff diff = analysis.diff();
        List<String> files = diff == null ? List.of() : diff.files().stream().map(FileDiff::path).distinct().toList();
        Instant date = mail.date();
        return new Post(mail.messageId(), parents(mail), mail.from(), date == null ? 0 : date.toEpochMilli(),
                mail.subject(), list.isEmpty() ? List.of() : List.of(list), kind, tags.reply(), tags.version(),
                tags.versionLabel(), tags.index(), tags.total(), tags.resend(), tags.rfc(), tags.title(),
                diff == null ? null : diff.patchId(), files, analysis.markers().changeId(), Supersedes.parse(own), chain,
                series ? List.of() : followUps(mail, analysis.trailers()), series ? List.of() : Scope.find(own), author,
                patch ? SignoffCheck.check(author, mail.from(), chain) : List.of(),
                kind != MessageKind.REPLY || mail.has(MailFlag.HTML_ONLY) ? null : MailNotices.parse(own));
    }

    /** References oldest first, then In-Reply-To when References does not already end with it (JWZ). */
    static List<String> parents(Mail mail) {
        List<String> out = new ArrayList<>(mail.references());
        for (String irt : mail.inReplyTo()) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(irt)) {
                out.remove(irt);
                out.add(irt);
            }
        }
        out.remove(mail.messageId());
        return out;
    }

    /** The patch's author as {@code git am} takes it: the in-body From:, else the sender. */
    private static Address inBodyAuthor(Mail mail) {
        Address inBody = Trailers.inBodyFrom(mail.body().own());
        if (inBody == null && !mail.body().attachments().isEmpty()) inBody = Trailers.inBodyFrom(mail.body().attachments().get(0));
        return inBody != null ? inBody : mail.from();
    }

    /**
     * The unquoted trailers of the commit message: the text before the first {@code ---} line (or diff), from the
     * body, or from the first diff attachment when the body holds no commit message trailers.
     */
    static List<Trailer> commitTrailers(Mail mail) {
        List<Trailer> chain = Trailers.parse(commitMessage(mail.body().own())).stream().filter(t -> !t.quoted()).toList();
        if (chain.isEmpty() && !mail.body().attachments().isEmpty()) {
            chain = Trailers.parse(commitMessage(mail.body().attachments().get(0))).stream().filter(t -> !t.quoted()).toList();
        }
        return chain;
    }

    private static String commitMessage(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : Lines.split(text)) {
            if (Trailers.endsCommitMessage(line)) break;
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /**
     * A reply's own {@code *-by} trailers; a bare NAK/NACK names the reply's sender. An HTML-only mail gives none:
     * kernel lists reject HTML, b4 reads only text/plain, and a trailer a maintainer's tools cannot apply must not
     * look given.
     */
    private static List<Trailer> followUps(Mail mail, List<Trailer> all) {
        List<Trailer> out = new ArrayList<>();
        if (mail.has(MailFlag.HTML_ONLY)) return out;
        for (Trailer t : all) {
            if (t.quoted() || !t.kind().endsWith("-by")) continue;
            if (t.name().isEmpty() && t.email().isEmpty()) {
                t = new Trailer(t.kind(), mail.from().name(), mail.from().email(), t.value(), t.comment(), false, t.line());
            }
            out.add(t);
        }
        return out;
    }

    /** Lower case, whitespace collapsed: how titles compare across versions and reply subjects. */
    public static String normalTitle(String title) {
        if (title == null) return "";
        // As title.strip().replaceAll("\\s+", " ") without a matcher: link keys ask this several times a post.
        String s = title.strip();
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) out.append(c);
            else if (!inRun) out.append(' ');
            inRun = space;
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
