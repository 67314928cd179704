package org.patchlane.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlane.thread.Mails.LEON;
import static org.patchlane.thread.Mails.NOA;
import static org.patchlane.thread.Mails.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Incremental threading reads only what new mail is related to: a reply to one series reaches that series' thread
 * and its other versions, never an unrelated thread of the same archive.
 */
class RelativesTest {
    /** A store of posts that records every post it hands out. */
    private static final class Store implements PostLookup {
        final List<Post> posts;
        final Set<String> read = new TreeSet<>();

        Store(List<Post> posts) {
            this.posts = posts;
        }

        @Override
        public List<Post> byKeys(Collection<String> keys) {
            List<Post> out = new ArrayList<>();
            for (Post p : posts) {
                if (LinkKeys.keys(p).stream().anyMatch(keys::contains)) {
                    out.add(p);
                    read.add(p.messageId());
                }
            }
            return out;
        }
    }

    @Test
    void aReplyReachesItsSeriesAndItsOtherVersionsOnly() throws Exception {
        Post reply = mail("r", LEON, "Re: [PATCH v2 1/1] aux: one").refs("d", "d-1").at(200)
                .body("Acked-by: " + LEON).post();
        List<Post> archive = new ArrayList<>(Mails.posts(
                SeriesFinderTest.cover("c", 1, 0), SeriesFinderTest.p("c", 1, 1, 1),
                SeriesFinderTest.coverV("d", 2, 1, 100), SeriesFinderTest.pv("d", 2, 1, 1, 101, "line2"),
                mail("x", NOA, "[PATCH] other: unrelated fix").at(5).patch("lib/other.c", "x"),
                mail("x-r", LEON, "Re: [PATCH] other: unrelated fix").refs("x").at(6).body("Reviewed-by: " + LEON)));
        archive.add(reply);
        Store store = new Store(archive);

        List<List<Post>> groups = Relatives.groups(List.of(reply), store);

        assertEquals(1, groups.size());
        assertEquals(Set.of("c", "c-1", "d", "d-1", "r"),
                new TreeSet<>(groups.get(0).stream().map(Post::messageId).toList()));
        assertEquals(Set.of("c", "c-1", "d", "d-1", "r"), store.read, "the unrelated thread is never read");
        Series series = SeriesFinder.find(groups.get(0)).get(0);
        assertEquals(List.of("1", "2"), series.versions().stream().map(SeriesVersion::label).toList());
    }

    @Test
    void aDeletedSeedIsLeftOutAndItsSeriesDropped() throws Exception {
        Post gone = SeriesFinderTest.p("c", 1, 1, 1).post();
        Store store = new Store(Mails.posts(SeriesFinderTest.cover("c", 1, 0)));
        List<String> replaced = new ArrayList<>();
        SeriesUpdate.apply(List.of(gone), store, (ids, series) -> replaced.add(ids + " -> " + series.size()));
        assertEquals(List.of("[c] -> 1", "[c-1] -> 0"), replaced);
    }

    /**
     * The bound on what one search for relatives gathers is for one pathological group, not for a bulk load's many
     * seeds together: 40,001 small threads whose seeds (replies to patch 1, In-Reply-To only) reach their covers only
     * in a second step each come out whole.
     */
    @Test
    void manySeedsTogetherStillFindWholeGroups() throws Exception {
        Post cover = SeriesFinderTest.cover("c", 1, 0).post();
        Post patch = SeriesFinderTest.p("c", 1, 1, 1).post();
        Post reply = mail("r", LEON, "Re: [PATCH 1/1] x").inReplyTo("c-1").at(2).body("Acked-by: " + LEON).post();
        int threads = Relatives.MAX_GROUP * 2 + 1;
        java.util.Map<String, List<Post>> byKey = new java.util.HashMap<>();
        List<Post> seeds = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            String c = "c" + k;
            String title = "aux: change " + k;
            for (Post p : List.of(copy(cover, c, List.of(), title), copy(patch, c + "-1", List.of(c), title),
                    copy(reply, "r" + k, List.of(c + "-1"), title))) {
                for (String key : LinkKeys.keys(p)) byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(p);
                if (p.messageId().startsWith("r")) seeds.add(p);
            }
        }
        PostLookup store = keys -> {
            List<Post> out = new ArrayList<>();
            for (String key : keys) out.addAll(byKey.getOrDefault(key, List.of()));
            return out;
        };
        List<Integer> sizes = new ArrayList<>();
        SeriesUpdate.apply(seeds, store, (ids, series) -> sizes.add(ids.size()));
        assertEquals(threads, sizes.size(), "one group per thread, none left over as deleted");
        assertEquals(Set.of(3), Set.copyOf(sizes), "each with its cover, patch and reply");
    }

    /** The post under another Message-ID, parents and title. */
    private static Post copy(Post p, String id, List<String> parents, String title) {
        String subject = p.subject().replace(p.title(), title);
        return new Post(id, parents, p.from(), p.date(), subject, p.lists(), p.kind(), p.reply(), p.version(),
                p.versionLabel(), p.index(), p.total(), p.resend(), p.rfc(), title, p.patchId(), p.files(),
                p.changeId(), p.supersedes(), p.chain(), p.given(), p.scopes(), p.author(), p.findings(), p.notice());
    }
}
