package org.patchlane.web;

/**
 * Who is looking at a page, for the templates: the logged-in maintainer (null for a reader) and the CSRF token a
 * form of the page must send back (field {@code csrf}; {@code @template.csrf()} writes it). Templates read it with
 * {@link #current()}, so a page needs no parameter of its own for it.
 */
public record Viewer(User user, String csrf) {
    public static final Viewer READER = new Viewer(null, "");
    private static final ThreadLocal<Viewer> CURRENT = new ThreadLocal<>();

    public boolean loggedIn() {
        return user != null;
    }

    /** The viewer of the page being rendered on this thread; a reader outside a request. */
    public static Viewer current() {
        Viewer v = CURRENT.get();
        return v == null ? READER : v;
    }

    /** Runs a render with {@link #current()} answering {@code viewer}. */
    static void during(Viewer viewer, Runnable render) {
        CURRENT.set(viewer);
        try {
            render.run();
        } finally {
            CURRENT.remove();
        }
    }
}
