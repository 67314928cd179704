package org.patchlane.patch;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The rules {@link SignoffCheck} checks, each named by its {@link Finding#check()} and its family. */
public enum PatchCheck {
    SIGNOFF_AUTHOR, SIGNOFF_CODEV, SIGNOFF_ORDER, FIXES;

    /** The name a finding and the {@code check:} prefix use: {@code signoff-author}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The family the check belongs to ({@code signoff-author} → {@code signoff}), as {@link Finding#family()}. */
    public String family() {
        String id = id();
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /** Every name {@code check:} can find: each family, then its checks when it has more than its own name. */
    public static Set<String> queryNames() {
        Set<String> out = new LinkedHashSet<>();
        for (PatchCheck c : values()) {
            out.add(c.family());
            out.add(c.id());
        }
        return out;
    }
}
