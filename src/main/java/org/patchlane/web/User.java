package org.patchlane.web;

import java.util.Objects;

/** A maintainer who may log in: a {@code [user "NAME"]} section of the configuration. The hash stays in {@link Users}. */
public record User(String name, String email) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
