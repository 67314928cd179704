package org.patchlane.report;

import org.patchlane.mail.Address;

/** {@code {"name", "email"}}. */
public record PersonJson(String name, String email) {
    static PersonJson of(Address a) {
        return new PersonJson(a.name(), a.email());
    }
}
