package org.patchlane.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.patchlane.mail.Address;

/**
 * Who hears about a change, as {@code get_maintainer.pl} lists them: maintainers ({@code M:}), reviewers
 * ({@code R:}) and mailing lists ({@code L:}, the address only). Immutable; lists never null.
 */
public record Contacts(List<Address> maintainers, List<Address> reviewers, List<String> lists) {
    public static final Contacts NONE = new Contacts(List.of(), List.of(), List.of());

    public Contacts {
        maintainers = List.copyOf(maintainers);
        reviewers = List.copyOf(reviewers);
        lists = List.copyOf(lists);
    }

    /** These, then the other's not already here; a person is listed once, in the first role found. */
    public Contacts plus(Contacts other) {
        if (other.equals(NONE) || other.equals(this)) return this;
        List<Address> m = new ArrayList<>(maintainers);
        List<Address> r = new ArrayList<>(reviewers);
        for (Address a : other.maintainers) if (!known(a, m) && !known(a, r)) m.add(a);
        for (Address a : other.reviewers) if (!known(a, m) && !known(a, r)) r.add(a);
        List<String> l = new ArrayList<>(lists);
        for (String s : other.lists) {
            if (l.stream().noneMatch(x -> x.equalsIgnoreCase(s))) l.add(s);
        }
        return new Contacts(m, r, l);
    }

    /** True when nobody is named. */
    public boolean isEmpty() {
        return maintainers.isEmpty() && reviewers.isEmpty() && lists.isEmpty();
    }

    private static boolean known(Address a, List<Address> in) {
        String e = a.email().toLowerCase(Locale.ROOT);
        return in.stream().anyMatch(x -> x.email().equals(e) || x.samePerson(a));
    }
}
