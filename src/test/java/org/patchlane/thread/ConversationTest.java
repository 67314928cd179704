package org.patchlane.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.thread.Mails.JASON;
import static org.patchlane.thread.Mails.LEON;
import static org.patchlane.thread.Mails.NOA;
import static org.patchlane.thread.Mails.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A message's whole thread, found through the store's id: keys and nested by reply. */
class ConversationTest {
    /** The store's lookup over some posts: those stored under any of the keys. */
    private static PostLookup store(List<Post> posts) {
        return (Collection<String> keys) -> posts.stream()
                .filter(p -> LinkKeys.keys(p).stream().anyMatch(keys::contains)).toList();
    }

    private static List<String> outline(Conversation c) {
        return c.entries().stream().map(e -> "  ".repeat(e.depth()) + e.messageId() + (e.missing() ? " ?" : "")).toList();
    }

    private static final List<Post> THREAD = Mails.posts(
            mail("c0", NOA, "[PATCH 0/2] x").at(0),
            mail("p1", NOA, "[PATCH 1/2] x: a").at(1).refs("c0").patch("a.c", "a();"),
            mail("p2", NOA, "[PATCH 2/2] x: b").at(2).refs("c0").patch("b.c", "b();"),
            mail("r1", JASON, "Re: [PATCH 1/2] x: a").at(60).refs("c0", "p1").body("Acked-by: " + JASON),
            mail("r2", NOA, "Re: [PATCH 1/2] x: a").at(70).refs("c0", "p1", "r1").body("Thanks"),
            // Replies to a message never received: it is a phantom under the cover, dated by its first reply.
            mail("o1", LEON, "Re: [PATCH 0/2] x").at(30).refs("c0", "gone"),
            mail("o2", JASON, "Re: [PATCH 0/2] x").at(90).refs("c0", "gone"),
            // In-Reply-To only: still nested.
            mail("i1", LEON, "Re: [PATCH 2/2] x: b").at(40).inReplyTo("p2"),
            // Another thread altogether.
            mail("z0", LEON, "[PATCH] y").at(5),
            mail("z1", JASON, "Re: [PATCH] y").at(6).refs("z0"));

    @Test
    void theWholeThreadFromAnyOfItsMessagesNestedAndDated() throws Exception {
        List<String> want = List.of("c0", "  p1", "    r1", "      r2", "  p2", "    i1", "  gone ?", "    o1", "    o2");
        for (String from : List.of("c0", "r2", "o2", "i1", "p2")) {
            Conversation c = Conversation.of(from, store(THREAD));
            assertEquals(want, outline(c), "from " + from);
            assertEquals(from, c.messageId());
            assertEquals(8, c.stored());
            assertFalse(c.truncated());
        }
        Conversation c = Conversation.of("r1", store(THREAD));
        assertEquals("p1", c.entries().get(2).parent());
        assertNull(c.entries().get(0).parent());
        assertEquals(List.of("z0", "  z1"), outline(Conversation.of("z1", store(THREAD))));
    }

    @Test
    void aMessageNotStoredHasNoThread() throws Exception {
        assertNull(Conversation.of("gone", store(THREAD)), "a phantom is no message");
        assertNull(Conversation.of("nosuch", store(THREAD)));
    }

    @Test
    void aCrossPostIsOnePlaceWithEveryList() throws Exception {
        List<Post> posts = Mails.posts(mail("c0", NOA, "[PATCH] x").at(0),
                mail("r1", JASON, "Re: [PATCH] x").at(1).refs("c0"),
                mail("r1", JASON, "Re: [PATCH] x").at(1).refs("c0").list("netdev"));
        Conversation c = Conversation.of("c0", store(posts));
        assertEquals(List.of("c0", "  r1"), outline(c));
        assertEquals(List.of("linux-rdma", "netdev"), c.entries().get(1).post().lists());
    }

    @Test
    void aHugeThreadStopsAtTheLimitAndSaysSo() throws Exception {
        List<Mails> mails = new ArrayList<>();
        mails.add(mail("c0", NOA, "[PATCH] x").at(0));
        for (int i = 0; i < Conversation.MAX_MESSAGES; i++) mails.add(mail("r" + i, JASON, "Re: [PATCH] x").at(i + 1).refs("c0"));
        mails.add(mail("deep", NOA, "Re: [PATCH] x").at(5000).refs("c0", "r0"));
        List<Post> posts = Mails.posts(mails.toArray(Mails[]::new));
        Conversation c = Conversation.of("c0", store(posts));
        assertTrue(c.truncated());
        // The reply to r0 is stored under id:r0 too, so the first level's lookup finds it; what stops is the next.
        assertEquals(Conversation.MAX_MESSAGES + 2, c.stored());
        assertFalse(Conversation.of("c0", store(posts.subList(0, 10))).truncated());
    }
}
