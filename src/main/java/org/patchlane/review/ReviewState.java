package org.patchlane.review;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a series (or one of its versions) stands. The pipeline {@code new → under-review → changes-requested →
 * accepted → applied → partly-merged → merged}, plus {@code superseded}, {@code rejected}, {@code rfc} and
 * {@code deferred}. Mail derives some ({@link #fromMail}); a maintainer may set any but {@code superseded}, which only
 * a newer version makes, and {@code partly-merged}, which only merged detection finds in the repository;
 * {@link #effective} combines the two and {@link #withUpstream} adds what the repository says.
 */
public enum ReviewState {
    // in pipeline order (lists of states are shown in it); states are stored by name, never by ordinal
    NEW, UNDER_REVIEW, CHANGES_REQUESTED, ACCEPTED, APPLIED, PARTLY_MERGED, MERGED, SUPERSEDED, REJECTED, RFC, DEFERRED;

    /** The name in JSON, reports and queries: {@code under-review}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state a JSON name ({@code under-review}, case-insensitive) names. */
    public static Optional<ReviewState> of(String jsonName) {
        if (jsonName == null) return Optional.empty();
        String n = jsonName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.jsonName().equals(n)).findFirst();
    }

    /** The states a series has: its latest version's, which is never superseded. */
    public static List<ReviewState> ofSeries() {
        return Arrays.stream(values()).filter(s -> s != SUPERSEDED).toList();
    }

    /**
     * The states a maintainer may set: all but superseded, a fact of the mail (a newer version), and partly-merged,
     * a fact of the repository (merged detection).
     */
    public static List<ReviewState> settable() {
        return ofSeries().stream().filter(s -> s != PARTLY_MERGED).toList();
    }

    /** Nothing more to wait for: applied, merged or rejected. */
    public boolean closed() {
        return this == APPLIED || this == MERGED || this == REJECTED;
    }

    /** A maintainer's decision that later review mail does not undo (only applied/merged mail or a new version). */
    public boolean settled() {
        return this == ACCEPTED || this == REJECTED || this == DEFERRED || this == APPLIED || this == MERGED;
    }

    /**
     * The state the mail of one version gives it, strongest fact first: superseded unless it is the latest; merged
     * when a pull request was merged; applied when every patch was applied; changes-requested after a NACK given on
     * it; under-review after any other follow-up trailer; rfc for an RFC; else new.
     */
    public static ReviewState fromMail(boolean latest, boolean merged, boolean allApplied, boolean nacked,
                                       boolean reviewed, boolean rfc) {
        if (!latest) return SUPERSEDED;
        if (merged) return MERGED;
        if (allApplied) return APPLIED;
        if (nacked) return CHANGES_REQUESTED;
        if (reviewed) return UNDER_REVIEW;
        return rfc ? RFC : NEW;
    }

    /**
     * A series' state from its mail and its maintainers' latest decision. The decision counts only for the version
     * it was made on: a newer version starts from its mail again. On that version the later event wins, except
     * that review mail never undoes a decision: after a decision only applied/merged mail (always) and a NACK (unless
     * the decision {@link #settled() settled} it) override it.
     *
     * @param mail        the latest version's state from mail
     * @param mailSince   epoch ms of the mail that gave it (0 when none did: new, rfc)
     * @param latestLabel the latest version's label
     * @param decision    the maintainers' latest decision, or null
     */
    public static ReviewState effective(ReviewState mail, long mailSince, String latestLabel, Decision decision) {
        if (decision == null || !decision.version().equals(latestLabel)) return mail;
        if (mailSince <= decision.at()) return decision.to();
        return switch (mail) {
            case APPLIED, MERGED -> mail;
            case CHANGES_REQUESTED -> decision.to().settled() ? decision.to() : mail;
            default -> decision.to();
        };
    }

    /**
     * The state once merged detection's finding on the latest version is added: the repository is a fact, as
     * merged mail is, so {@code merged} found there wins over mail and decisions, and {@code partly-merged} wins over
     * everything but {@code merged} (the mail's or a maintainer's) and a rejection (the maintainer dropped the rest).
     *
     * @param state    the state of mail and decisions ({@link #effective})
     * @param upstream what detection found (merged or partly-merged), or null
     */
    public static ReviewState withUpstream(ReviewState state, ReviewState upstream) {
        if (upstream == MERGED) return MERGED;
        if (upstream == PARTLY_MERGED) return state == MERGED || state == REJECTED ? state : PARTLY_MERGED;
        return state;
    }
}
