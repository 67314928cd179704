package org.patchlane.thread;

import java.util.List;

import org.patchlane.mail.Address;

/**
 * A patch series across its versions, with every trailer attributed.
 *
 * @param id           stable short id: derived from the first version's first posting
 * @param title        the latest version's title
 * @param submitter    the latest version's sender
 * @param changeId     b4's change-id, or null
 * @param lastActivity epoch ms of the newest message of the series or about it
 * @param lists        every list any version was posted to
 * @param members      Message-IDs of every message of the series and of the replies about it
 * @param versions     oldest first
 */
public record Series(String id, String title, Address submitter, String changeId, long lastActivity,
                     List<String> lists, List<String> members, List<SeriesVersion> versions) {
    public Series {
        lists = List.copyOf(lists);
        members = List.copyOf(members);
        versions = List.copyOf(versions);
    }

    /** The newest version. */
    public SeriesVersion latest() {
        return versions.get(versions.size() - 1);
    }

    /** Every title it was posted under: each version's and each patch's, oldest first, each once; none blank. */
    public java.util.Set<String> titles() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (SeriesVersion v : versions) {
            if (v.title() != null && !v.title().isBlank()) out.add(v.title());
            for (SeriesPatch p : v.patches()) if (p.title() != null && !p.title().isBlank()) out.add(p.title());
        }
        return out;
    }
}
