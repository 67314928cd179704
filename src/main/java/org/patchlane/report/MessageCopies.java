package org.patchlane.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.patchlane.store.StoredRecord;

/**
 * Every stored copy of one Message-ID, ordered by list name (a copy filed under no list first), then as stored.
 * Not arrival order: ingest stores a batch on all cores, so which copy lands first varies from run to run. A mail cross-posted to two lists is stored once per list
 * (the list servers change its headers, so the bytes differ); a Message-ID reused for other content is stored
 * again as well ({@code duplicate_id}). Views pick the copy of the list they were asked about, else the first, so
 * that one request never glues two messages together.
 *
 * @param all never empty
 */
public record MessageCopies(List<StoredRecord> all) {
    public MessageCopies {
        all = all.stream().sorted(Comparator.comparing(StoredRecord::list)).toList();
        if (all.isEmpty()) throw new IllegalArgumentException("no copies");
    }

    /** The copies, or empty when none is stored. */
    public static Optional<MessageCopies> of(List<StoredRecord> stored) {
        return stored.isEmpty() ? Optional.empty() : Optional.of(new MessageCopies(stored));
    }

    public String messageId() {
        return all.get(0).messageId();
    }

    public StoredRecord first() {
        return all.get(0);
    }

    /** The copies filed under {@code list} (case does not matter), in order; possibly empty. */
    public List<StoredRecord> on(String list) {
        return all.stream().filter(r -> r.list().equalsIgnoreCase(list.strip())).toList();
    }

    /** The 1-based number of a copy in this order ({@code show --json}'s {@code copy}, the API's {@code ?copy=N}). */
    public int number(StoredRecord copy) {
        for (int i = 0; i < all.size(); i++) if (all.get(i) == copy) return i + 1;
        throw new IllegalArgumentException("not a copy of <" + messageId() + ">");
    }

    /** The distinct lists the copies are filed under, in order ("" for a copy filed under none). */
    public List<String> lists() {
        List<String> out = new ArrayList<>();
        for (StoredRecord r : all) if (!out.contains(r.list())) out.add(r.list());
        return out;
    }
}
