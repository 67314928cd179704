package org.patchlane.patch;

/**
 * A rule a patch breaks, for the matrix and the {@code check:} query prefix.
 *
 * @param check the check's name, lower case: {@code signoff-author}, {@code signoff-codev},
 *              {@code signoff-order}, {@code fixes}
 * @param text  what is wrong, for people
 */
public record Finding(String check, String text) {
    /** The family a check belongs to ({@code signoff-author} → {@code signoff}): what {@code check:signoff} finds. */
    public String family() {
        int dash = check.indexOf('-');
        return dash < 0 ? check : check.substring(0, dash);
    }
}
