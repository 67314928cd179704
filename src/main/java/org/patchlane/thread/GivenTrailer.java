package org.patchlane.thread;

/**
 * A trailer as attributed to one patch of one version.
 *
 * @param kind        canonical token ({@code Acked-by}, {@code Reviewed-by}, {@code Tested-by}, {@code Nacked-by}...)
 * @param name        the person's name as written
 * @param email       the person's address as written (lower case; maybe masked by the archive)
 * @param givenIn     the Message-ID of the mail whose own text holds the trailer
 * @param carried     given on an earlier version whose patch had the same patch-id, not on this one
 * @param carriedFrom the version label it was given on when carried, else null
 * @param bySender    the trailer names the sender of {@code givenIn} (address, or name when masked)
 * @param inPatch     part of the patch's own commit message (the author's chain), not a reply's
 * @param scope       the reviewer's scope remark ("for patches 1-3", "# for the mlx5 part"), else null
 */
public record GivenTrailer(String kind, String name, String email, String givenIn, boolean carried,
                           String carriedFrom, boolean bySender, boolean inPatch, String scope) {
    /** This trailer carried onto a later version. */
    GivenTrailer carriedFrom(String label) {
        return new GivenTrailer(kind, name, email, givenIn, true, carried ? carriedFrom : label, bySender, inPatch, scope);
    }

    /** Same trailer kind from the same person. */
    public boolean sameAs(GivenTrailer o) {
        return kind.equals(o.kind) && new org.patchlane.mail.Address(name, email)
                .samePerson(new org.patchlane.mail.Address(o.name, o.email));
    }
}
