package org.patchlane.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.patchlane.mail.Address;
import org.patchlane.store.SeenAddress;
import org.patchlane.store.Searcher;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The address each trailer of a series is written with. Archives such as mail-archive.com and spinics print
 * {@code jgg@xxxxxxxxxx} for {@code jgg@nvidia.com}; a commit trailer must not carry that, so a masked address is
 * resolved from an unmasked one seen in the archive: the same display name and local part, and a domain as long as
 * the mask (archives keep the length), preferring an address the person sent from, then one in To/Cc. A masked
 * address nothing resolves stays as it is, marked {@link Source#MASKED}, for the caller to warn about.
 */
public final class TrailerEmails {
    /** How many messages naming a local part are read to resolve it; the newest are the likeliest. */
    static final int MESSAGES_READ = 50;
    /** Masked addresses marked, none resolved: for views that do not look into the archive. */
    public static final TrailerEmails NONE = new TrailerEmails(Map.of());

    /** Where the address written for a trailer comes from. */
    public enum Source {
        /** The trailer's own address, not masked. */
        SENT,
        /** The archive masked it; an unmasked address of the same person replaced it. */
        RESOLVED,
        /** The archive masked it and nothing in the archive resolved it: written masked. */
        MASKED;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The address to write for one trailer.
     *
     * @param email  the address to use (resolved, or as the trailer has it)
     * @param source how it was found
     * @param masked the masked address the archive printed, or null when it was not masked
     */
    public record Email(String email, Source source, String masked) {
        /** A suffix for text that shows the address: "" when sent as is. */
        public String note() {
            return switch (source) {
                case SENT -> "";
                case RESOLVED -> " (address resolved from " + masked + ")";
                case MASKED -> " (address masked by the archive)";
            };
        }
    }

    private final Map<Address, Address> resolved;

    private TrailerEmails(Map<Address, Address> resolved) {
        this.resolved = Map.copyOf(resolved);
    }

    /** Looks up every masked trailer address of the series (one store query per distinct address). */
    public static TrailerEmails lookup(Series series, Searcher searcher) throws IOException {
        Map<Address, Address> out = new HashMap<>();
        Map<Address, Boolean> tried = new HashMap<>();
        for (SeriesVersion v : series.versions()) {
            for (SeriesPatch p : v.patches()) {
                for (GivenTrailer t : p.trailers()) {
                    Address a = new Address(t.name(), t.email());
                    if (!a.masked() || tried.put(a, true) != null) continue;
                    String local = a.email().substring(0, a.email().indexOf('@'));
                    resolve(a, searcher.addressesWithLocalPart(local, MESSAGES_READ)).ifPresent(r -> out.put(a, r));
                }
            }
        }
        return new TrailerEmails(out);
    }

    /**
     * The unmasked address {@code masked} stands for among {@code seen} (From ones first, as the store gives them):
     * same display name (case ignored) and local part, a domain exactly as long as the mask.
     */
    static Optional<Address> resolve(Address masked, List<SeenAddress> seen) {
        int at = masked.email().indexOf('@');
        if (!masked.masked() || at < 0) return Optional.empty();
        String local = masked.email().substring(0, at);
        int domainLength = masked.email().length() - at - 1;
        Optional<Address> best = Optional.empty();
        for (SeenAddress s : seen) {
            Address a = s.address();
            int aAt = a.email().lastIndexOf('@');
            if (a.masked() || aAt < 0 || !a.name().equalsIgnoreCase(masked.name())) continue;
            if (!a.email().substring(0, aAt).equals(local) || a.email().length() - aAt - 1 != domainLength) continue;
            if (s.header() == SeenAddress.Header.FROM) return Optional.of(a);
            if (best.isEmpty()) best = Optional.of(a);
        }
        return best;
    }

    /** The address to write for a trailer. */
    public Email of(GivenTrailer t) {
        return of(t.name(), t.email());
    }

    public Email of(String name, String email) {
        Address a = new Address(name, email);
        if (!a.masked()) return new Email(a.email(), Source.SENT, null);
        Address r = resolved.get(a);
        return r == null ? new Email(a.email(), Source.MASKED, a.email()) : new Email(r.email(), Source.RESOLVED, a.email());
    }
}
