package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.patchlane.mail.Address;

/**
 * The sign-off rules of the kernel's submitting-patches.rst over a patch's own trailer chain: the author signs off,
 * each {@code Co-developed-by} is followed at once by that person's {@code Signed-off-by}, the sender's sign-off
 * comes last (chain of custody), and {@code Fixes:} names a 12+ hex commit and its subject.
 */
public final class SignoffCheck {
    private SignoffCheck() {
    }

    private static final String SOB = "Signed-off-by";
    /** {@code Fixes: 0123456789ab ("subject")}, as checkpatch.pl wants it. */
    private static final Pattern FIXES = Pattern.compile("^[0-9a-fA-F]{12,40} \\(\".+\"\\)$");

    /**
     * The findings of one patch; empty when it follows every rule.
     *
     * @param author the patch's author: the in-body {@code From:} when present, else the mail's From
     * @param sender the mail's From
     * @param chain  the unquoted trailers of the commit message, in order
     */
    public static List<Finding> check(Address author, Address sender, List<Trailer> chain) {
        List<Finding> out = new ArrayList<>();
        List<Trailer> sobs = chain.stream().filter(t -> t.kind().equals(SOB)).toList();
        if (sobs.stream().noneMatch(t -> author.samePerson(t.person()))) {
            out.add(new Finding(PatchCheck.SIGNOFF_AUTHOR.id(), "no Signed-off-by from the author " + author.display()));
        }
        for (int i = 0; i < chain.size(); i++) {
            Trailer t = chain.get(i);
            if (!t.kind().equals("Co-developed-by")) continue;
            Trailer next = i + 1 < chain.size() ? chain.get(i + 1) : null;
            if (next == null || !next.kind().equals(SOB) || !t.person().samePerson(next.person())) {
                out.add(new Finding(PatchCheck.SIGNOFF_CODEV.id(), "Co-developed-by " + t.person().display()
                        + " is not followed by their Signed-off-by"));
            }
        }
        if (!sobs.isEmpty() && !sender.samePerson(sobs.get(sobs.size() - 1).person())) {
            boolean signed = sobs.stream().anyMatch(t -> sender.samePerson(t.person()));
            out.add(new Finding(PatchCheck.SIGNOFF_ORDER.id(), signed
                    ? "the sender " + sender.display() + " signs off, but not last"
                    : "the sender " + sender.display() + " does not sign off"));
        }
        for (Trailer t : chain) {
            if (t.kind().equals("Fixes") && !FIXES.matcher(t.value()).matches()) {
                out.add(new Finding(PatchCheck.FIXES.id(), "Fixes: " + t.value() + " is not 12+ hex digits and (\"subject\")"));
            }
        }
        return out;
    }
}
