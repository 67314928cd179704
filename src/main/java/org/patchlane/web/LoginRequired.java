package org.patchlane.web;

/** A page needs a logged-in maintainer and there is none: answered with a redirect to the login form. */
final class LoginRequired extends RuntimeException {
    private final String next;

    LoginRequired(String next) {
        super("log in first", null, false, false);
        this.next = next;
    }

    /** The login form, coming back to the page asked for. */
    String location() {
        return "/login?next=" + Links.encode(next);
    }
}
