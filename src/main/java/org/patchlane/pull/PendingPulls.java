package org.patchlane.pull;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.patchlane.ingest.Analyzer;
import org.patchlane.review.MailNotice;
import org.patchlane.store.Hit;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SearchResult;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

/**
 * The archive's pull requests still waiting: every {@code git request-pull} mail since a date whose thread has no
 * merge notice (pr-tracker-bot's "has been merged into ...") and that no later request replaced ({@link
 * PullVersions}), newest first.
 */
public final class PendingPulls {
    private PendingPulls() {
    }

    public static List<PendingPull> of(Searcher searcher, Instant since) throws IOException {
        List<PendingPull> all = new ArrayList<>();
        java.util.Map<String, List<String>> named = new java.util.HashMap<>();
        java.util.Set<String> merged = new java.util.HashSet<>();
        try {
            for (int offset = 0; ; offset += Searcher.MAX_LIMIT) {
                SearchResult page = searcher.search("kind:pull", offset, Searcher.MAX_LIMIT);
                for (Hit h : page.hits()) {
                    if (h.date() != null && h.date().isBefore(since)) continue;
                    PendingPull p = request(searcher, h, named, merged);
                    if (p != null) all.add(p);
                }
                if (offset + Searcher.MAX_LIMIT >= page.total() || offset + Searcher.MAX_LIMIT > Searcher.MAX_OFFSET)
                    break;
            }
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("kind:pull is a fixed query", e);
        }
        List<PendingPull> out = new ArrayList<>();
        for (PullVersions.Versioned v : PullVersions.chain(all, named, merged)) {
            if (v.supersededBy() != null || merged.contains(v.request().messageId())) continue;
            PendingPull p = v.request();
            out.add(new PendingPull(p.messageId(), p.subject(), p.from(), p.date(), p.list(), p.request(), v.version(),
                    v.supersedes()));
        }
        out.sort(Comparator.comparing(PendingPull::date).reversed().thenComparing(PendingPull::messageId));
        return out;
    }

    /**
     * The request of a hit, or null when it announces nothing fetchable; notes the requests its Supersedes lines
     * name and whether its thread says it was merged.
     */
    private static PendingPull request(Searcher searcher, Hit h, java.util.Map<String, List<String>> named,
                                       java.util.Set<String> merged) throws IOException {
        List<StoredRecord> copies = searcher.get(h.messageId());
        if (copies.isEmpty()) return null;
        StoredRecord r = copies.get(0);
        StoredMessage m = Analyzer.analyze(r.raw(), r.envelopeDate(), r.truncated(), r.list());
        var request = m.analysis().pull();
        if (request == null || request.url() == null) return null;
        named.put(h.messageId(), m.post().supersedes());
        // the replies' notices were parsed at ingest: read them from the posts, not by parsing each reply again
        java.util.Set<String> replies = new java.util.LinkedHashSet<>();
        for (StoredRecord reply : searcher.thread(h.messageId()))
            if (!reply.messageId().equals(h.messageId())) replies.add(reply.messageId());
        for (var post : searcher.posts(replies).values()) {
            MailNotice n = post.notice();
            if (n != null && n.kind() == MailNotice.Kind.MERGED) merged.add(h.messageId());
        }
        return new PendingPull(h.messageId(), h.subject(), h.from(),
                h.date() != null ? h.date() : r.envelopeDate(), r.list(), request);
    }
}
