package org.patchlane.digest;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.patchlane.git.ConfigFile;

/**
 * The {@code [digest]} settings of its mailing: who gets the weekly digest, when, and of which list.
 *
 * <pre>
 * [digest]
 *     to = linux-rdma@vger.kernel.org      ; repeatable, or comma-separated
 *     schedule = mon 07:00                 ; UTC weekday and time (default mon 07:00)
 *     list = linux-rdma                    ; default: every list
 * </pre>
 *
 * @param list null for every list
 */
public record DigestMailing(List<InternetAddress> to, DigestSchedule schedule, String list) {
    public DigestMailing {
        to = List.copyOf(to);
    }

    /** True when the configuration names someone to send the digest to. */
    public static boolean configured(ConfigFile conf) {
        return conf.strings("digest", null, "to").stream().anyMatch(s -> !s.isBlank());
    }

    /**
     * The section's settings.
     *
     * @throws IllegalArgumentException for no or a bad {@code to}, a bad schedule or list name
     */
    public static DigestMailing of(ConfigFile conf) {
        List<InternetAddress> to = new ArrayList<>();
        for (String value : conf.strings("digest", null, "to")) {
            if (value.isBlank()) continue;
            try {
                to.addAll(List.of(InternetAddress.parse(value.strip(), true)));
            } catch (AddressException e) {
                throw new IllegalArgumentException("[digest] to is not an address list: " + value);
            }
        }
        if (to.isEmpty()) throw new IllegalArgumentException("no [digest] to in the configuration: whom to send it to");
        String list = conf.string("digest", null, "list");
        list = list == null || list.isBlank() ? null : list.strip();
        if (list != null && !list.matches("[a-z0-9][a-z0-9._-]*"))
            throw new IllegalArgumentException("[digest] list is not a list name: " + list);
        return new DigestMailing(to, DigestSchedule.parse(conf.string("digest", null, "schedule")), list);
    }
}
