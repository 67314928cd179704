package org.patchlane.web;

import java.util.Optional;

import io.javalin.http.Context;
import org.patchlane.mail.Address;

/**
 * The single call point that decides who may change a series' state: the login work ({@code Auth}) implements it.
 * Until then {@link #NOBODY} is in force: no form is shown and every state change is refused with 403.
 */
public interface Guard {
    /** Nobody is logged in, ever. */
    Guard NOBODY = new Guard() {
        @Override
        public Optional<Address> maintainer(Context ctx) {
            return Optional.empty();
        }

        @Override
        public Optional<Address> authorize(Context ctx) {
            return Optional.empty();
        }

        @Override
        public String csrfToken(Context ctx) {
            return "";
        }
    };

    /** The maintainer logged in to this request's session, if any: whether to show the state form. */
    Optional<Address> maintainer(Context ctx);

    /**
     * The maintainer a state-changing request is made by: a valid token, or a session with its CSRF token; empty
     * refuses the request (403) before anything is read or written.
     */
    Optional<Address> authorize(Context ctx);

    /** The CSRF token the state form carries (as field {@code csrf}), "" when none is needed. */
    String csrfToken(Context ctx);
}
