package org.patchlane.bench;

/**
 * A fictional list participant.
 *
 * @param name   display name, may hold non-ASCII letters (then sent RFC 2047 encoded)
 * @param email  address
 * @param latin1 true when the name and the person's mail fit ISO-8859-1, so a legacy-charset body is plausible
 */
record Person(String name, String email, boolean latin1) {

    /** {@code Name <email>} as it appears in a trailer line. */
    String trailerForm() {
        return name + " <" + email + ">";
    }

    /** The address with its domain hidden the way web archives mask it ({@code jgg@xxxxxxxxxx}). */
    String maskedForm() {
        int at = email.indexOf('@');
        return name + " <" + email.substring(0, at + 1) + "x".repeat(email.length() - at - 1) + ">";
    }

    String localPart() {
        return email.substring(0, email.indexOf('@'));
    }

    String domain() {
        return email.substring(email.indexOf('@') + 1);
    }
}
