package org.patchlane.web;

import java.util.List;
import java.util.Objects;

/**
 * A query worth trying, with what it finds. {@link #ALL} is the one list of example queries: the home page shows
 * it and the README's example commands use queries from it, and a test runs every entry against the demo archive,
 * so no example shown to a user can come back empty.
 *
 * @param query  the query, in lore syntax
 * @param what   what it finds, in a few words
 * @param target messages ({@code search}, {@code /search}) or series ({@code series}, {@code /series})
 */
public record ExampleQuery(String query, String what, Target target) {
    /** What an example query searches. */
    public enum Target { MESSAGES, SERIES }

    public static final List<ExampleQuery> ALL = List.of(
            messages("s:mlx5 AND kind:patch", "patches about mlx5"),
            messages("kind:pull", "pull requests"),
            messages("nq:\"change-id: 20261102-aux-lifetime-3f1c2a9b7d10\"", "every version of one b4 series"),
            messages("flag:charset OR flag:html_only OR flag:no_message_id", "mail that needed repair"),
            messages("d:2026-11-01..2026-11-30 AND ack:*", "acked in November 2026"),
            messages("s:mlx5 AND kind:patch AND d:2026-11-16..", "mlx5 patches since 16 November 2026"),
            messages("dfn:drivers/infiniband/hw/mlx5", "diffs touching a directory"),
            messages("rb:jgg AND NOT kind:reply", "patches carrying Jason's Reviewed-by"),
            messages("check:signoff", "patches with a sign-off problem"),
            series("ack:leon AND state:under-review", "series Leon acked that are still under review"),
            series("state:applied", "series a maintainer's \"Applied, thanks!\" reply applied"),
            series("nak:greg", "series Greg NACKed in some version"),
            series("dfn:drivers/infiniband/hw/mlx5", "series whose latest version touches mlx5"));

    public ExampleQuery {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(target, "target");
    }

    static ExampleQuery messages(String query, String what) {
        return new ExampleQuery(query, what, Target.MESSAGES);
    }

    static ExampleQuery series(String query, String what) {
        return new ExampleQuery(query, what, Target.SERIES);
    }

    /** The page that runs the query: the search page, or the series list. */
    public String href() {
        return target == Target.MESSAGES ? Links.search(query, 0) : "/series?q=" + Links.encode(query);
    }
}
