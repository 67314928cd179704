package org.patchlane.web;

import java.util.Optional;

import io.javalin.http.Context;
import org.patchlane.mail.Address;

/**
 * The single call point that decides who may change a series' state: {@link Auth}, the login, implements it
 * (without maintainers configured nobody is admitted: no form is shown and every state change is refused with 403).
 */
public interface Guard {
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
