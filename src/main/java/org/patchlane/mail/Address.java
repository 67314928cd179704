package org.patchlane.mail;

/**
 * A person in a header or trailer. Archives mask addresses ({@code jgg@xxxxxxxxxx}); the name is then the
 * identity that matters.
 *
 * @param name  display name, "" when absent (never null)
 * @param email address as written, lower-cased, "" when absent (never null)
 */
public record Address(String name, String email) {
    private static final java.util.regex.Pattern MASK = java.util.regex.Pattern.compile("x{3,}(\\.x+)*");

    public Address {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the archive hid the domain or local part with x's ({@code jgg@xxxxxxxxxx}). */
    public boolean masked() {
        int at = email.indexOf('@');
        // Asked for both sides of every comparison of people (required acks over every series): the regex only
        // for a domain that starts as a mask does.
        return at >= 0 && email.startsWith("xxx", at + 1) && MASK.matcher(email).region(at + 1, email.length()).matches();
    }

    /** "Name &lt;email&gt;", or whichever part exists. */
    public String display() {
        if (name.isEmpty()) return email;
        if (email.isEmpty()) return name;
        return name + " <" + email + ">";
    }

    /**
     * True when both name the same person: the same unmasked address, else (an archive masked one, or one has no
     * address) the same name, ignoring case.
     */
    public boolean samePerson(Address other) {
        if (other == null) return false;
        if (!email.isEmpty() && !other.email.isEmpty() && !masked() && !other.masked()) return email.equals(other.email);
        return !name.isEmpty() && name.equalsIgnoreCase(other.name);
    }
}
