package org.patchlane.cli.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The peers {@code --peers} can name, in the order the reports list them. */
public final class Peers {
    private static final List<Peer> ALL = List.of(new MairixPeer(), new NotmuchPeer(), new MuPeer(),
            new PublicInboxPeer());

    private Peers() {
    }

    /** {@code all} (the default), {@code none}, or names separated by commas: {@code mairix,notmuch}. */
    public static List<Peer> select(String list) {
        String l = list == null ? "all" : list.strip().toLowerCase(Locale.ROOT);
        if (l.equals("all")) return ALL;
        if (l.equals("none") || l.isEmpty()) return List.of();
        List<Peer> out = new ArrayList<>();
        for (String name : l.split("\\s*,\\s*")) {
            Peer p = ALL.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("--peers takes all, none or some of " + names() + ", not '" + name
                            + "'"));
            if (!out.contains(p)) out.add(p);
        }
        return out;
    }

    public static String names() {
        return String.join(", ", ALL.stream().map(Peer::name).toList());
    }
}
