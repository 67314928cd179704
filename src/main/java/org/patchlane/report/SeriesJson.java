package org.patchlane.report;

import java.time.Instant;
import java.util.List;

import org.patchlane.patch.Finding;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/** {@code acks SERIES --json} and {@code /api/series/{id}}: a series, its versions, patches and their trailers. */
public record SeriesJson(String series, String title, PersonJson submitter, String changeId, List<String> lists,
                         String lastActivity, List<VersionJson> versions) {

    public record VersionJson(int version, String label, String cover, String title, PersonJson sender, String date,
                              String state, boolean rfc, boolean partial, String predecessor, List<String> lists,
                              List<String> problems, List<PatchJson> patches) {
    }

    public record PatchJson(int index, int total, String messageId, List<String> postings, String subject,
                            String patchId, PersonJson author, String change, List<String> files,
                            List<TrailerJson> trailers, List<FindingJson> findings) {
    }

    /**
     * One trailer.
     *
     * @param email       the address {@code acks --mbox} writes: a masked one resolved where the archive allows
     * @param emailSource {@code sent} (as the trailer has it), {@code resolved} (the archive masked it; an unmasked
     *                    address of the same person replaced it) or {@code masked} (masked, nothing resolved it)
     * @param maskedEmail the masked address the archive printed, else null
     */
    public record TrailerJson(String kind, String name, String email, String emailSource, String maskedEmail,
                              String givenIn, boolean carried, String carriedFrom, boolean bySender, boolean inPatch,
                              String scope) {
        static TrailerJson of(GivenTrailer t, TrailerEmails emails) {
            TrailerEmails.Email e = emails.of(t);
            return new TrailerJson(t.kind(), t.name(), e.email(), e.source().jsonName(), e.masked(), t.givenIn(),
                    t.carried(), t.carriedFrom(), t.bySender(), t.inPatch(), t.scope());
        }
    }

    public record FindingJson(String check, String text) {
        static FindingJson of(Finding f) {
            return new FindingJson(f.check(), f.text());
        }
    }

    /** Without looking into the archive: masked trailer addresses are marked {@code masked}. */
    public static SeriesJson of(Series s) {
        return of(s, TrailerEmails.NONE);
    }

    /** With each masked trailer address resolved where {@code emails} could. */
    public static SeriesJson of(Series s, TrailerEmails emails) {
        return new SeriesJson(s.id(), s.title(), PersonJson.of(s.submitter()), s.changeId(), s.lists(),
                date(s.lastActivity()), s.versions().stream().map(v -> version(v, emails)).toList());
    }

    private static VersionJson version(SeriesVersion v, TrailerEmails emails) {
        return new VersionJson(v.version(), v.label(), v.cover(), v.title(), PersonJson.of(v.sender()), date(v.date()),
                v.state(), v.rfc(), v.partial(), v.predecessor(), v.lists(), v.problems(),
                v.patches().stream().map(p -> patch(p, emails)).toList());
    }

    private static PatchJson patch(SeriesPatch p, TrailerEmails emails) {
        return new PatchJson(p.index(), p.total(), p.messageId(), p.postings(), p.subject(), p.patchId(),
                PersonJson.of(p.author()), p.change(), p.files(),
                p.trailers().stream().map(t -> TrailerJson.of(t, emails)).toList(),
                p.findings().stream().map(FindingJson::of).toList());
    }

    /** A series date as the JSON writes it: ISO-8601, null for an unknown one (0). */
    public static String date(long epochMs) {
        return epochMs == 0 ? null : Json.date(Instant.ofEpochMilli(epochMs));
    }
}
