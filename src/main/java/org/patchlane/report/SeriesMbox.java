package org.patchlane.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Mail;
import org.patchlane.patch.Trailers;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.SeriesPatch;

/**
 * One patch as {@code git am} wants it, with the trailers collected for it added to its commit message: what a
 * maintainer otherwise does with {@code b4 am}. Follow-up trailers are added after the patch's own, in the order
 * they were attributed; a trailer that does not name its sender, and NACKs, are left out (they are not consent).
 * An address the archive masked ({@code jgg@xxxxxxxxxx}) is written as {@link TrailerEmails} resolved it, in added
 * trailers and the patch's own; {@link #masked} lists what stays masked, for the caller to say so.
 */
public final class SeriesMbox {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SeriesMbox() {
    }

    /** The trailers {@link #message} adds to this patch. */
    public static List<GivenTrailer> added(SeriesPatch patch) {
        List<GivenTrailer> out = new ArrayList<>();
        for (GivenTrailer t : patch.trailers()) {
            if (t.inPatch() || !t.bySender() || t.kind().equals("Nacked-by")) continue;
            boolean present = patch.trailers().stream().anyMatch(o -> o.inPatch() && o.sameAs(t));
            if (!present) out.add(t);
        }
        return out;
    }

    /**
     * One mboxrd message: a {@code From } line, the original From, Date, Subject and Message-ID, a UTF-8 text
     * body holding the commit message with the collected trailers, then the diff.
     *
     * @param mail   the patch's parsed mail
     * @param emails the addresses to write for masked ones
     */
    public static String message(SeriesPatch patch, Mail mail, TrailerEmails emails) {
        String text = mail.body().own();
        if (!text.contains("\ndiff ") && !mail.body().attachments().isEmpty()) {
            text = text + "\n" + String.join("\n", mail.body().attachments());
        }
        String body = withTrailers(unmasked(text, patch, emails), added(patch), emails);
        StringBuilder out = new StringBuilder();
        out.append("From patchlane Mon Sep 17 00:00:00 2001\n");
        out.append("From: ").append(mail.from().display()).append('\n');
        if (mail.date() != null) out.append("Date: ").append(RFC_2822.format(mail.date())).append('\n');
        out.append("Subject: ").append(patch.subject().replace('\n', ' ')).append('\n');
        out.append("Message-ID: <").append(mail.messageId()).append(">\n");
        out.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        for (String line : body.split("\n", -1)) {
            // mboxrd: any run of '>' before "From " gains one more.
            out.append(line.matches("^>*From .*") ? ">" + line : line).append('\n');
        }
        return out.toString();
    }

    /**
     * What {@link #message} writes masked: each added or own trailer whose masked address nothing resolved, and a
     * masked From, each as "Reviewed-by: Name &lt;local@xxxx&gt;".
     */
    public static List<String> masked(SeriesPatch patch, Mail mail, TrailerEmails emails) {
        List<String> out = new ArrayList<>();
        if (mail.from().masked()) out.add("From: " + mail.from().display());
        for (GivenTrailer t : patch.trailers()) {
            if (!t.inPatch() && !added(patch).contains(t)) continue;
            if (emails.of(t).source() == TrailerEmails.Source.MASKED) out.add(t.kind() + ": " + TrailerMatrix.person(t));
        }
        return out.stream().distinct().toList();
    }

    /** The patch's own trailer lines with each resolved masked address replaced. */
    private static String unmasked(String text, SeriesPatch patch, TrailerEmails emails) {
        String out = text;
        for (GivenTrailer t : patch.trailers()) {
            TrailerEmails.Email e = emails.of(t);
            if (!t.inPatch() || e.source() != TrailerEmails.Source.RESOLVED) continue;
            out = out.replaceAll("(?mi)^(" + Pattern.quote(t.kind()) + ":[^\n]*)<" + Pattern.quote(e.masked()) + ">",
                    "$1<" + Matcher.quoteReplacement(e.email()) + ">");
        }
        return out;
    }

    /** Inserts trailers after the last trailer line before the first {@code ---} (or diff), else before it. */
    static String withTrailers(String text, List<GivenTrailer> added, TrailerEmails emails) {
        if (added.isEmpty()) return text;
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (Trailers.endsCommitMessage(l)) {
                end = i;
                break;
            }
        }
        int at = end;
        while (at > 0 && lines.get(at - 1).isBlank()) at--;
        List<String> insert = new ArrayList<>();
        for (GivenTrailer t : added) {
            String email = emails.of(t).email();
            String who = t.name().isEmpty() ? "<" + email + ">"
                    : email.isEmpty() ? t.name() : t.name() + " <" + email + ">";
            insert.add(t.kind() + ": " + who);
        }
        lines.addAll(at, insert);
        return String.join("\n", lines);
    }
}
