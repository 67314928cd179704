package org.patchlane.thread;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Scope;
import org.patchlane.patch.Trailer;
import org.patchlane.review.MailNotice;
import org.patchlane.review.ReviewState;

/**
 * Attributes trailers to patches by b4's rules: a reply's own trailers go to the series post it
 * descends from — the cover means every patch of that version (or those its scope remark names), a patch means that
 * patch; a patch's own chain is listed as given in the patch; a trailer given on one version is carried to the next
 * only where the patch-id did not change, marked as carried. A reply's "Applied" notice marks the patches it names
 * (b4 ty's {@code [n/m] subject} lines, by title, else by index when the count matches), or, naming none, the patch it
 * answers (every patch when it answers the cover), applied with their commits. A version's state is
 * {@link ReviewState#fromMail}: superseded unless it is the latest; applied when every patch is; changes-requested
 * after a NACK given on it, under-review after any other trailer not in the patch itself (carried ones too), rfc
 * for an RFC, else new.
 */
final class TrailerAttribution {
    private final ThreadTree tree;
    private final List<VersionBuilder> versions;
    private final Set<String> members = new LinkedHashSet<>();
    private final List<SeriesVersion> built = new ArrayList<>();
    private final Map<VersionBuilder, Applied> merged = new java.util.HashMap<>();

    TrailerAttribution(ThreadTree tree, List<VersionBuilder> versions) {
        this.tree = tree;
        this.versions = versions;
        attribute();
    }

    /** Follow-up trailers that count: every {@code *-by} but the author's own sign-off chain kinds. */
    static boolean followUp(String kind) {
        return kind.endsWith("-by") && !kind.equals("Signed-off-by") && !kind.equals("Co-developed-by");
    }

    List<SeriesVersion> versions() {
        return built;
    }

    /** Every message of the series and every reply attributed to it, in canonical order. */
    Set<String> members() {
        return members;
    }

    private record Target(VersionBuilder version, int index) {
    }

    private void attribute() {
        Map<String, Target> owners = new java.util.HashMap<>();
        for (VersionBuilder v : versions) v.ownPostings().forEach((id, index) -> owners.put(id, new Target(v, index)));
        for (VersionBuilder v : versions) {
            for (VersionBuilder.Slot s : v.slots.values()) {
                if (s.inherited) continue;
                Post patch = s.main();
                for (Trailer t : patch.chain()) {
                    if (!t.kind().endsWith("-by")) continue;
                    add(s, new GivenTrailer(t.kind(), t.name(), t.email(), patch.messageId(), false, null,
                            t.person().samePerson(patch.from()), true, null));
                }
            }
        }
        for (Post p : tree.posts()) {
            if (owners.containsKey(p.messageId())) {
                members.add(p.messageId());
                continue;
            }
            if (seriesPost(p)) continue;
            Target target = target(p, owners);
            if (target == null) continue;
            members.add(p.messageId());
            for (Trailer t : p.given()) {
                if (followUp(t.kind())) give(target, p, t);
            }
            if (p.notice() != null) notice(target, p);
        }
        VersionBuilder previous = null;
        for (VersionBuilder v : versions) {
            if (previous != null) carry(previous, v);
            previous = v;
        }
        for (int i = 0; i < versions.size(); i++) built.add(build(versions.get(i), i == versions.size() - 1));
    }

    /**
     * The series post a reply is about: the nearest cover, patch or pull request above it. When that belongs to
     * another series (a driver series posted in the infrastructure's thread), the reply is not about this one.
     */
    private Target target(Post reply, Map<String, Target> owners) {
        // Each series of a group asks this of every reply in the group: the walk stops at the first series post.
        String up = tree.nearestAncestor(reply.messageId(), id -> owners.containsKey(id) || seriesPost(tree.post(id)));
        return up == null ? null : owners.get(up);
    }

    private static boolean seriesPost(Post p) {
        return p != null && (p.seriesPart() || p.kind() == MessageKind.PULL);
    }

    private void give(Target target, Post reply, Trailer t) {
        boolean bySender = bySender(t, reply.from());
        Scope scope = Scope.parse(t.comment());
        if (scope == null && target.index() == 0 && !reply.scopes().isEmpty()) scope = reply.scopes().get(0);
        String scopeText = scope != null ? scope.text() : t.comment();
        GivenTrailer given = new GivenTrailer(t.kind(), t.name(), t.email(), reply.messageId(), false, null, bySender,
                false, scopeText);
        VersionBuilder v = target.version();
        if (target.index() != 0) {
            VersionBuilder.Slot slot = v.slots.get(target.index());
            if (slot != null) add(slot, given);
            return;
        }
        List<VersionBuilder.Slot> covered = new ArrayList<>();
        if (scope != null) {
            for (VersionBuilder.Slot s : v.slots.values()) {
                if (scope.covers(s.index, s.main().title(), s.main().files())) covered.add(s);
            }
        }
        // A scope that names nothing in this version cannot narrow it: the trailer stays on all, with its remark.
        for (VersionBuilder.Slot s : covered.isEmpty() ? v.slots.values() : covered) add(s, given);
    }

    /** Marks what a reply's applied or merged notice names. */
    private void notice(Target target, Post reply) {
        MailNotice n = reply.notice();
        VersionBuilder v = target.version();
        if (n.kind() == MailNotice.Kind.MERGED) {
            MailNotice.Entry e = n.entries().isEmpty() ? new MailNotice.Entry(0, 0, "", "", "") : n.entries().get(0);
            merged.put(v, new Applied(e.commit(), e.url(), n.tree(), reply.messageId(), reply.date()));
            return;
        }
        if (n.entries().isEmpty()) {
            VersionBuilder.Slot only = target.index() == 0 ? null : v.slots.get(target.index());
            for (VersionBuilder.Slot s : only != null ? List.of(only) : v.slots.values()) {
                s.applied = new Applied("", "", n.tree(), reply.messageId(), reply.date());
            }
            return;
        }
        for (MailNotice.Entry e : n.entries()) {
            VersionBuilder.Slot named = null;
            String title = Posts.normalTitle(e.title());
            for (VersionBuilder.Slot s : v.slots.values()) {
                if (named == null && Posts.normalTitle(s.main().title()).equals(title)) named = s;
            }
            if (named == null && e.total() == v.total) named = v.slots.get(e.index());
            if (named != null) named.applied = new Applied(e.commit(), e.url(), n.tree(), reply.messageId(), reply.date());
        }
    }

    /**
     * The trailer names the reply's sender: the same person by address (by name where the archive masks it), or, as
     * b4 accepts, the very name the sender signs the mail with (a reviewer who reviews from another address:
     * {@code Reviewed-by: Geert Uytterhoeven <geert+renesas@glider.be>} sent from {@code geert@linux-m68k.org}), or
     * the sender's address but for a {@code +tag} or a subdomain.
     */
    static boolean bySender(Trailer t, Address sender) {
        return t.person().samePerson(sender) || !t.name().isEmpty() && t.name().equalsIgnoreCase(sender.name())
                || !t.person().masked() && !sender.masked() && sameMailbox(t.email(), sender.email());
    }

    /**
     * b4's fuzzy address match: equal once a {@code +tag} is dropped from the local part
     * ({@code niklas.soderlund+renesas@ragnatech.se}), or the same local part where one domain is the other's parent
     * ({@code foo@linux.intel.com}, {@code foo@intel.com}).
     */
    static boolean sameMailbox(String a, String b) {
        a = a.replaceFirst("\\+[^@]+@", "@");
        b = b.replaceFirst("\\+[^@]+@", "@");
        int at = a.indexOf('@');
        int bt = b.indexOf('@');
        if (at <= 0 || bt <= 0) return false;
        if (a.equals(b)) return true;
        if (!a.substring(0, at).equals(b.substring(0, bt))) return false;
        String da = a.substring(at + 1);
        String db = b.substring(bt + 1);
        long dots = da.chars().filter(c -> c == '.').count() - db.chars().filter(c -> c == '.').count();
        return Math.abs(dots) == 1 && (da.endsWith("." + db) || db.endsWith("." + da));
    }

    /**
     * Adds a trailer unless the same person already gave the same kind to this patch the same way. A reply repeating
     * a trailer the author already put in the patch is kept: it is the evidence that it was given on this version.
     * A carried trailer is dropped when the patch has it in any form.
     */
    private static void add(VersionBuilder.Slot slot, GivenTrailer t) {
        if (slot.trailers.stream().noneMatch(o -> o.sameAs(t) && (t.carried() || o.inPatch() == t.inPatch()))) {
            slot.trailers.add(t);
        }
    }

    /** Carries the previous version's follow-ups to patches whose patch-id did not change. */
    private static void carry(VersionBuilder previous, VersionBuilder v) {
        for (VersionBuilder.Slot s : v.slots.values()) {
            String id = s.main().patchId();
            VersionBuilder.Slot same = null;
            if (id != null) {
                VersionBuilder.Slot atIndex = previous.slots.get(s.index);
                if (atIndex != null && id.equals(atIndex.main().patchId())) same = atIndex;
                for (VersionBuilder.Slot o : previous.slots.values()) {
                    if (same == null && id.equals(o.main().patchId())) same = o;
                }
            }
            if (same == null) {
                s.change = previous.slots.containsKey(s.index) ? "changed" : "new";
                continue;
            }
            s.change = "unchanged";
            for (GivenTrailer t : same.trailers) {
                if (!t.inPatch() || s.inherited) add(s, t.carried() ? t : t.carriedFrom(previous.label));
            }
        }
    }

    private SeriesVersion build(VersionBuilder v, boolean latest) {
        List<SeriesPatch> patches = new ArrayList<>();
        long nackAt = 0;
        long reviewAt = 0;
        long appliedAt = 0;
        boolean reviewed = false;
        boolean allApplied = !v.slots.isEmpty();
        for (VersionBuilder.Slot s : v.slots.values()) {
            Post main = s.main();
            for (GivenTrailer t : s.trailers) {
                if (t.inPatch()) continue;
                if (t.kind().equals("Nacked-by")) {
                    if (!t.carried()) nackAt = Math.max(nackAt, Math.max(1, dateOf(t.givenIn())));
                } else {
                    reviewed = true;
                    if (!t.carried()) reviewAt = Math.max(reviewAt, dateOf(t.givenIn()));
                }
            }
            if (s.applied == null) allApplied = false;
            else appliedAt = Math.max(appliedAt, s.applied.date());
            patches.add(new SeriesPatch(s.index, v.total, main.messageId(),
                    s.postings.stream().map(Post::messageId).toList(), main.subject(), main.title(), main.patchId(),
                    main.author(), main.files(), s.change, s.trailers, main.findings(), s.applied));
        }
        Applied merge = merged.get(v);
        ReviewState state = ReviewState.fromMail(latest, merge != null, allApplied, nackAt > 0, reviewed, v.rfc);
        long since = switch (state) {
            case MERGED -> merge.date();
            case APPLIED -> appliedAt;
            case CHANGES_REQUESTED -> nackAt;
            case UNDER_REVIEW -> Math.max(reviewAt, v.date);
            default -> v.date;
        };
        Address sender = v.sender;
        return new SeriesVersion(v.version, v.label, v.cover() == null ? null : v.cover().messageId(), v.title, sender,
                v.date, v.rfc, v.partial, v.previous == null ? null : v.previous.label, state.jsonName(), since,
                new ArrayList<>(v.lists), v.problems, patches, merge);
    }

    private long dateOf(String messageId) {
        Post p = tree.post(messageId);
        return p == null ? 0 : p.date();
    }
}
