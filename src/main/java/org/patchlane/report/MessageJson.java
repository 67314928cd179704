package org.patchlane.report;

import java.util.List;
import java.util.TreeSet;

import org.patchlane.ingest.Analyzer;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.Analysis;
import org.patchlane.patch.Diff;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.Markers;
import org.patchlane.patch.PullRequest;
import org.patchlane.patch.SubjectTags;
import org.patchlane.patch.Trailer;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

/**
 * {@code show MSGID --json} and {@code /api/messages/{msgid}}: one stored copy of a message, built by re-analysing
 * its raw bytes.
 *
 * @param findings a patch's sign-off and Fixes findings, as {@code acks} lists them (empty for other mail)
 * @param copy     which stored copy this is, 1-based; copies are ordered by list name, then as stored
 * @param copies   every stored copy of this Message-ID with its list (more than one for a cross-posted mail or a
 *                 {@code duplicate_id}); a copy is picked by list ({@code --list}, {@code ?list=}) or number
 *                 ({@code ?copy=N})
 */
public record MessageJson(String messageId, String subject, PersonJson from, List<PersonJson> to,
                          List<PersonJson> cc, String date, String list, String kind, TagsJson tags,
                          List<TrailerJson> trailers, DiffJson diff, PullJson pull, Markers markers,
                          List<String> exports, List<String> flags, List<String> inReplyTo,
                          List<String> references, List<String> problems, List<SeriesJson.FindingJson> findings,
                          int copy, List<CopyJson> copies) {

    /** One stored copy: its number and the list it was filed under ("" for none). */
    public record CopyJson(int copy, String list) {
    }

    public record TagsJson(List<String> prefixes, int version, int index, int total, String title, boolean reply) {
    }

    public record TrailerJson(String kind, String name, String email, String comment, boolean quoted) {
    }

    public record DiffJson(List<String> files, int added, int removed, String patchId) {
    }

    public record PullJson(String base, String url, String ref, String head, List<PullRequest.ShortlogEntry> shortlog,
                           List<String> files) {
    }

    /** One copy as Patchlane understands it now; the stored flags (duplicate_id...) are merged in. */
    public static MessageJson of(MessageCopies copies, StoredRecord stored) {
        return of(copies, stored, Analyzer.reanalyze(stored));
    }

    /** As {@link #of(MessageCopies, StoredRecord)}, for a caller that has re-analysed the copy already. */
    public static MessageJson of(MessageCopies copies, StoredRecord stored, StoredMessage m) {
        Mail mail = m.mail();
        Analysis a = m.analysis();
        TreeSet<MailFlag> flags = new TreeSet<>(mail.flags());
        flags.addAll(stored.flags());
        SubjectTags t = a.tags();
        return new MessageJson(mail.messageId(), mail.subject(), PersonJson.of(mail.from()),
                mail.to().stream().map(PersonJson::of).toList(), mail.cc().stream().map(PersonJson::of).toList(),
                Json.date(stored.date()), stored.list(), a.kind().jsonName(),
                new TagsJson(t.prefixes(), t.version(), t.index(), t.total(), t.title(), t.reply()),
                a.trailers().stream().map(MessageJson::trailer).toList(), diff(a.diff()), pull(a.pull()),
                a.markers(), a.exports(), flags.stream().map(MailFlag::jsonName).toList(), mail.inReplyTo(),
                mail.references(), mail.problems(),
                m.post().findings().stream().map(SeriesJson.FindingJson::of).toList(), copies.number(stored),
                copies.all().stream().map(r -> new CopyJson(copies.number(r), r.list())).toList());
    }

    private static TrailerJson trailer(Trailer t) {
        return new TrailerJson(t.kind(), t.name(), t.email(), t.comment(), t.quoted());
    }

    private static DiffJson diff(Diff d) {
        return d == null ? null : new DiffJson(d.files().stream().map(FileDiff::path).toList(), d.added(),
                d.removed(), d.patchId());
    }

    private static PullJson pull(PullRequest p) {
        return p == null ? null : new PullJson(p.base(), p.url(), p.ref(), p.head(),
                p.shortlog(),
                p.files());
    }
}
