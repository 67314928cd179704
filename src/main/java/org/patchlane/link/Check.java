package org.patchlane.link;

import java.util.List;

import org.patchlane.mail.Address;

/**
 * One rule's verdict on a series, with the lines that show why and the people whose ack is missing.
 *
 * @param name     the rule
 * @param verdict  pass, fail or n/a
 * @param evidence one line per fact the verdict rests on
 * @param missing  people whose Acked-by or Reviewed-by is still missing (required-acks), with their area
 */
public record Check(CheckName name, Verdict verdict, List<String> evidence, List<Missing> missing) {
    public Check {
        evidence = List.copyOf(evidence);
        missing = List.copyOf(missing);
    }

    /**
     * A person whose ack is missing.
     *
     * @param person their name and address, as MAINTAINERS (or the configuration) lists them
     * @param area   the area (MAINTAINERS section) they maintain
     */
    public record Missing(Address person, String area) {
    }
}
