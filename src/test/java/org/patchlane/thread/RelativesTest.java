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
}
