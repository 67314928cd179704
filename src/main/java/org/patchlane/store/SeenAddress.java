package org.patchlane.store;

import org.patchlane.mail.Address;

/**
 * An address as one stored message carried it, and in which header: what {@link Searcher#addressesWithLocalPart}
 * answers.
 */
public record SeenAddress(Address address, Header header) {
    /** The header an address was seen in. */
    public enum Header {
        FROM, TO, CC
    }
}
