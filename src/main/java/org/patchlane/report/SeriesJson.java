package org.patchlane.report;

import java.time.Instant;
import java.util.List;

import org.patchlane.patch.Finding;
import org.patchlane.review.Decision;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Standing;
import org.patchlane.thread.Applied;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * {@code acks SERIES --json} and {@code /api/series/{id}}: a series, its current state and the maintainers'
 * decisions that led there, its versions, patches and their trailers.
 *
 * @param state   the effective state (mail and decisions combined); each version's {@code state} is its mail's
 * @param history  the maintainers' decisions, newest first
 * @param upstream merged detection's finding on the latest version, or null
 */
public record SeriesJson(String series, String title, PersonJson submitter, String changeId, String state,
                         List<HistoryJson> history, List<String> lists, String lastActivity,
                         List<VersionJson> versions, UpstreamJson upstream) {

    /** One decision: when, who, what ({@code state: accepted}), from which state to which, on which version. */
    public record HistoryJson(String at, PersonJson by, String action, String from, String to, String version,
                              String note) {
        public static HistoryJson of(Decision d) {
            return new HistoryJson(date(d.at()), new PersonJson(d.name(), d.email()), d.action(),
                    d.from() == null ? null : d.from().jsonName(), d.to().jsonName(), d.version(), d.note());
        }

        public static List<HistoryJson> of(Standing standing) {
            return standing.history().stream().map(HistoryJson::of).toList();
        }
    }

    /** Where a reply says a patch was applied (or a pull request merged). */
    public record AppliedJson(String commit, String url, String tree, String messageId, String date) {
        static AppliedJson of(Applied a) {
            return a == null ? null : new AppliedJson(a.commit(), a.url(), a.tree(), a.messageId(), SeriesJson.date(a.date()));
        }
    }

    public record VersionJson(int version, String label, String cover, String title, PersonJson sender, String date,
                              String state, boolean rfc, boolean partial, String predecessor, List<String> lists,
                              List<String> problems, List<PatchJson> patches, AppliedJson merged) {
    }

    public record PatchJson(int index, int total, String messageId, List<String> postings, String subject,
                            String patchId, PersonJson author, String change, List<String> files,
                            List<TrailerJson> trailers, List<FindingJson> findings, AppliedJson applied) {
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

    /** Without looking into the archive or the decisions: masked addresses marked {@code masked}, mail's state. */
    public static SeriesJson of(Series s) {
        return of(s, TrailerEmails.NONE, mailOnly(s));
    }

    /** With each masked trailer address resolved where {@code emails} could, and the series' standing. */
    public static SeriesJson of(Series s, TrailerEmails emails, Standing standing) {
        return new SeriesJson(s.id(), s.title(), PersonJson.of(s.submitter()), s.changeId(),
                standing.state().jsonName(), HistoryJson.of(standing), s.lists(), date(s.lastActivity()),
                s.versions().stream().map(v -> version(v, emails)).toList(), UpstreamJson.of(standing.upstream()));
    }

    /** The standing mail alone gives: the latest version's state, no decisions. */
    static Standing mailOnly(Series s) {
        return new Standing(ReviewState.of(s.latest().state()).orElse(ReviewState.NEW), List.of());
    }

    private static VersionJson version(SeriesVersion v, TrailerEmails emails) {
        return new VersionJson(v.version(), v.label(), v.cover(), v.title(), PersonJson.of(v.sender()), date(v.date()),
                v.state(), v.rfc(), v.partial(), v.predecessor(), v.lists(), v.problems(),
                v.patches().stream().map(p -> patch(p, emails)).toList(), AppliedJson.of(v.merged()));
    }

    private static PatchJson patch(SeriesPatch p, TrailerEmails emails) {
        return new PatchJson(p.index(), p.total(), p.messageId(), p.postings(), p.subject(), p.patchId(),
                PersonJson.of(p.author()), p.change(), p.files(),
                p.trailers().stream().map(t -> TrailerJson.of(t, emails)).toList(),
                p.findings().stream().map(FindingJson::of).toList(), AppliedJson.of(p.applied()));
    }

    /** A series date as the JSON writes it: ISO-8601, null for an unknown one (0). */
    public static String date(long epochMs) {
        return epochMs == 0 ? null : Json.date(Instant.ofEpochMilli(epochMs));
    }
}
