package org.patchlane.web;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.patchlane.ingest.Analyzer;
import org.patchlane.mail.Address;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Diff;
import org.patchlane.patch.Finding;
import org.patchlane.patch.Markers;
import org.patchlane.patch.ParseProblem;
import org.patchlane.patch.PullRequest;
import org.patchlane.patch.SubjectTags;
import org.patchlane.patch.Trailer;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

/**
 * One stored version of a message, re-analysed from its raw bytes, as the message page shows it.
 *
 * @param subject  decoded subject
 * @param list     the list this copy was received on, "" for none
 * @param messageId without angle brackets
 * @param rawHref  link to the exact stored bytes
 * @param threadHref link to this message on the thread page of this copy's list
 * @param headers  From, To, Cc, Date, Subject, Message-ID, In-Reply-To (empty ones left out)
 * @param flags    mail and archive flags with what they mean
 * @param tags     badges from the subject: version, k/N, RFC, RESEND, trees
 * @param kind     patch, cover, reply, pull or other
 * @param trailers every trailer, quoted ones included (marked)
 * @param diff     the diff summary, or null
 * @param pull     the pull request, or null
 * @param markers  dependency markers ({@link Markers#NONE} when none)
 * @param problems what the parsers found odd
 * @param findings a patch's sign-off and Fixes findings, as {@code acks} lists them
 * @param body     the body lines, then each diff attachment's
 */
public record MessageView(String messageId, String subject, String list, String rawHref, String threadHref,
                          List<Header> headers, List<FlagView> flags,
                          List<String> tags, String kind, List<Trailer> trailers, Diff diff, PullRequest pull,
                          Markers markers, List<String> problems, List<Finding> findings, List<BodyLine> body) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** What each flag means, for the badge's explanation. */
    private static final Map<MailFlag, String> EXPLAIN = Map.of(
            MailFlag.PARSE_ERROR, "the MIME structure or headers could not be parsed; the raw bytes are kept",
            MailFlag.CHARSET, "a text part's charset was unknown or wrong; decoded best effort",
            MailFlag.NO_MESSAGE_ID, "no Message-ID header: one was derived from the content hash",
            MailFlag.TRUNCATED, "the source ended inside this message",
            MailFlag.DUPLICATE_ID, "another stored message has this Message-ID with different bytes",
            MailFlag.BAD_DATE, "no usable Date header: the date came from the mbox From line, or is unknown",
            MailFlag.HTML_ONLY, "the only text was HTML, converted to text");

    /** A header line; {@code href} links the value (In-Reply-To), or is null. */
    public record Header(String name, String value, String href) {
    }

    /** A flag badge. */
    public record FlagView(String name, String explanation) {
    }

    /** Re-parses the stored bytes (cost: one MIME parse and patch analysis). */
    public static MessageView of(StoredRecord stored) {
        StoredMessage m = Analyzer.reanalyze(stored);
        Mail mail = m.mail();
        Analysis a = m.analysis();
        Set<MailFlag> flags = EnumSet.noneOf(MailFlag.class);
        flags.addAll(mail.flags());
        flags.addAll(stored.flags());
        List<String> problems = new ArrayList<>(mail.problems());
        for (ParseProblem p : a.problems()) problems.add(p.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + p.message());
        List<BodyLine> body = body(mail);
        return new MessageView(stored.messageId(), mail.subject(), stored.list(), Links.raw(stored.list(), stored.messageId()),
                Links.thread(stored.list(), stored.messageId()) + "#" + Links.anchor(stored.messageId()),
                headers(stored, mail), flags.stream().map(f -> new FlagView(f.jsonName(), EXPLAIN.get(f))).toList(),
                tags(a.tags()), a.kind().jsonName(), a.trailers(), a.diff(), a.pull(), a.markers(), problems,
                m.post().findings(), body);
    }

    /** The body lines, then each diff attachment's: what the message and thread pages show of a mail. */
    static List<BodyLine> body(Mail mail) {
        List<BodyLine> body = new ArrayList<>(BodyLine.of(mail.body().text()));
        for (String attachment : mail.body().attachments()) {
            body.add(new BodyLine("[diff attachment]", "part"));
            body.addAll(BodyLine.of(attachment));
        }
        return body;
    }

    /** A file name for the raw download: the Message-ID's letters, digits, dots and dashes, then {@code .eml}. */
    public String downloadName() {
        String safe = messageId.replaceAll("[^A-Za-z0-9.-]+", "_");
        return (safe.length() > 80 ? safe.substring(0, 80) : safe) + ".eml";
    }

    /** True when any marker is present. */
    public boolean hasMarkers() {
        return !markers.equals(Markers.NONE);
    }

    private static List<Header> headers(StoredRecord stored, Mail mail) {
        List<Header> out = new ArrayList<>();
        out.add(new Header("From", mail.from().display(), null));
        add(out, "To", mail.to());
        add(out, "Cc", mail.cc());
        out.add(new Header("Date", stored.date() == null ? "(unknown)"
                : DATE.format(stored.date().atOffset(ZoneOffset.UTC)), null));
        out.add(new Header("Subject", mail.subject(), null));
        out.add(new Header("Message-ID", "<" + stored.messageId() + ">", null));
        if (!stored.list().isEmpty()) out.add(new Header("List", stored.list(), "/" + Links.encode(stored.list()) + "/"));
        for (String irt : mail.inReplyTo()) {
            out.add(new Header("In-Reply-To", "<" + irt + ">", Links.message(stored.list(), irt)));
        }
        return out;
    }

    private static void add(List<Header> out, String name, List<Address> people) {
        if (!people.isEmpty()) {
            out.add(new Header(name, people.stream().map(Address::display).collect(Collectors.joining(", ")), null));
        }
    }

    private static List<String> tags(SubjectTags t) {
        List<String> out = new ArrayList<>();
        if (t.version() > 1) out.add("v" + t.version());
        if (t.index() >= 0) out.add(t.index() + "/" + t.total());
        if (t.rfc()) out.add("RFC");
        if (t.resend()) out.add("RESEND");
        out.addAll(t.trees());
        return out;
    }
}
