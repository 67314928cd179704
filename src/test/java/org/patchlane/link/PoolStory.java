package org.patchlane.link;

import java.util.List;

/**
 * A small list month for the link tests: an infrastructure series in two versions (mm/ and include/linux/, with
 * exports), a driver posted in its thread, a driver posted 11 days later linked only by symbols (built on v1), a
 * driver that says {@code Depends-on:}, and the false friends: a patch naming the symbols only in a comment, a
 * string and a removed line, and a reply quoting the infrastructure's diff.
 */
final class PoolStory {
    static final String ADA = "Ada Infra <ada@corelib.org>";
    static final String V1_COVER = "pool-v1-0@corelib.org";
    static final String V2_COVER = "pool-v2-0@corelib.org";
    static final String ACME = "acme-1@acme.com";
    static final String BETA = "beta-1@beta.com";
    static final String GAMMA = "gamma-1@gamma.com";
    static final String COMMENT_ONLY = "comment-1@gamma.com";

    private PoolStory() {
    }

    static List<ListMail> mails() {
        return List.of(
                ListMail.of(V1_COVER, ADA, "[PATCH 0/2] mm: add the foo_pool allocator",
                        "Mon, 02 Nov 2026 10:00:00 +0000").body("A pool allocator for descriptor rings."),
                core("pool-v1-1@corelib.org", "[PATCH 1/2]", "Mon, 02 Nov 2026 10:00:01 +0000", V1_COVER,
                        "destroy"),
                stats("pool-v1-2@corelib.org", "[PATCH 2/2]", "Mon, 02 Nov 2026 10:00:02 +0000", V1_COVER),
                ListMail.of(ACME, "Dan Dev <dan@acme.com>", "[PATCH net-next] acme: keep descriptors in a foo_pool",
                        "Mon, 02 Nov 2026 12:00:00 +0000").replyTo(V1_COVER).body("The first user of foo_pool.")
                        .diff("drivers/net/ethernet/acme/acme/acme_main.c", " static int acme_open(struct acme *priv)",
                                " {", "+\tpriv->pool = foo_pool_create(64);"),
                ListMail.of("mia-ack-1@kernel.org", "Mia Maintainer <mia@kernel.org>",
                        "Re: [PATCH 0/2] mm: add the foo_pool allocator", "Tue, 03 Nov 2026 09:00:00 +0000")
                        .replyTo(V1_COVER).body("> A pool allocator for descriptor rings.\n\n"
                                + "Acked-by: Mia Maintainer <mia@kernel.org>"),
                ListMail.of(V2_COVER, ADA, "[PATCH v2 0/2] mm: add the foo_pool allocator",
                        "Mon, 09 Nov 2026 10:00:00 +0000").body("Changes in v2: foo_pool_destroy() is foo_pool_free()."),
                core("pool-v2-1@corelib.org", "[PATCH v2 1/2]", "Mon, 09 Nov 2026 10:00:01 +0000", V2_COVER,
                        "free"),
                stats("pool-v2-2@corelib.org", "[PATCH v2 2/2]", "Mon, 09 Nov 2026 10:00:02 +0000", V2_COVER),
                ListMail.of("quote-1@acme.com", "Ann Acme <ann@acme.com>",
                        "Re: [PATCH v2 1/2] mm: add the foo_pool allocator core", "Tue, 10 Nov 2026 08:00:00 +0000")
                        .replyTo("pool-v2-1@corelib.org")
                        .body("> +struct foo_pool *foo_pool_create(unsigned int objects);\n> +void foo_pool_free(struct "
                                + "foo_pool *pool);\n\nLooks fine to me, no trailer yet."),
                ListMail.of(BETA, "Bea Dev <bea@beta.com>", "[PATCH rdma-next] RDMA/beta: keep queues in a foo_pool",
                        "Fri, 20 Nov 2026 10:00:00 +0000").body("Use the pool for the queue descriptors.")
                        .diff("drivers/infiniband/hw/beta/beta_qp.c", " static void beta_qp_init(struct beta_qp *qp)",
                                " {", "+\tqp->pool = foo_pool_create(128);", "+\tfoo_pool_destroy(qp->old_pool);"),
                ListMail.of(COMMENT_ONLY, "Gus Dev <gus@gamma.com>", "[PATCH rdma-next] RDMA/gamma: reword a comment",
                        "Sat, 21 Nov 2026 10:00:00 +0000").body("Comments and messages only.")
                        .diff("drivers/infiniband/hw/gamma/gamma.c", " \tfoo_pool_stats(g->pool);",
                                "-\tfoo_pool_free(g->pool);", "+\t/* foo_pool_create() is not called here */",
                                "+\tpr_info(\"foo_pool_destroy done\\n\");"),
                ListMail.of(GAMMA, "Gus Dev <gus@gamma.com>", "[PATCH rdma-next] RDMA/gamma: prepare the pools",
                        "Sun, 22 Nov 2026 10:00:00 +0000")
                        .body("Depends-on: <" + V2_COVER + ">\n\nSigned-off-by: Gus Dev <gus@gamma.com>")
                        .diff("drivers/infiniband/hw/gamma/gamma.c", " static int gamma_probe(struct gamma *g)", " {",
                                "+\tg->ready = true;"));
    }

    /** The allocator core: create, and a release function named {@code foo_pool_<release>} (v1 destroy, v2 free). */
    private static ListMail core(String id, String tags, String date, String cover, String release) {
        String fn = "foo_pool_" + release;
        return ListMail.of(id, ADA, tags + " mm: add the foo_pool allocator core", date).replyTo(cover)
                .body("Add create and " + release + ".")
                .diff("include/linux/foo_pool.h", "+struct foo_pool;",
                        "+struct foo_pool *foo_pool_create(unsigned int objects);",
                        "+void " + fn + "(struct foo_pool *pool);")
                .diff("mm/foo_pool.c", "+#include <linux/foo_pool.h>",
                        "+struct foo_pool *foo_pool_create(unsigned int objects)", "+{",
                        "+\treturn kzalloc(sizeof(struct foo_pool), GFP_KERNEL);", "+}",
                        "+EXPORT_SYMBOL_GPL(foo_pool_create);",
                        "+void " + fn + "(struct foo_pool *pool)", "+{", "+\tkfree(pool);", "+}",
                        "+EXPORT_SYMBOL_GPL(" + fn + ");");
    }

    /** The statistics patch, the same diff in both versions. */
    private static ListMail stats(String id, String tags, String date, String cover) {
        return ListMail.of(id, ADA, tags + " mm: foo_pool: add statistics", date).replyTo(cover)
                .body("Count the objects in use.")
                .diff("include/linux/foo_pool.h", " void foo_pool_destroy(struct foo_pool *pool);",
                        "+unsigned long foo_pool_stats(struct foo_pool *pool);")
                .diff("mm/foo_pool.c", " EXPORT_SYMBOL_GPL(foo_pool_destroy);",
                        "+unsigned long foo_pool_stats(struct foo_pool *pool)", "+{", "+\treturn 0;", "+}",
                        "+EXPORT_SYMBOL_GPL(foo_pool_stats);");
    }

    static String mbox(List<ListMail> mails) {
        StringBuilder out = new StringBuilder();
        for (ListMail m : mails) out.append(m.mbox());
        return out.toString();
    }
}
