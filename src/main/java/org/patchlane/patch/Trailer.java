package org.patchlane.patch;

import org.patchlane.mail.Address;

/**
 * One {@code Token: value} trailer line; {@code >} quoted ones are kept but never count as given.
 *
 * @param kind    the token in canonical case ({@code Acked-by}, {@code Reviewed-by}, {@code Signed-off-by},
 *                {@code Nacked-by} also for a bare NAK/NACK line, {@code Fixes}, {@code Link}, ...)
 * @param name    the person's name ("" when none, or for non-person trailers)
 * @param email   the person's address, lower-cased ("" when none)
 * @param value   the value as written after the colon, trimmed, comment included
 * @param comment a trailing {@code # comment} or {@code [bracket note]}, or null
 * @param quoted  true when the line was inside a {@code >} quote: never counts as given
 * @param line    0-based line number in the text it was found in
 */
public record Trailer(String kind, String name, String email, String value, String comment, boolean quoted,
                      int line) {

    /** The person this trailer names (empty name and email for non-person kinds such as Fixes or Link). */
    public Address person() {
        return new Address(name, email);
    }
}
