package org.patchlane.digest;

import java.time.Instant;

/**
 * One review trailer given in the period (not carried, not the author's own chain).
 *
 * @param kind      canonical token: {@code Acked-by}, {@code Reviewed-by}, {@code Tested-by}, {@code Nacked-by}...
 * @param by        who gave it
 * @param series    the series and version it was given on
 * @param patches   the patches of that version it applies to, as {@code "2/5"}, or {@code "all"}
 * @param messageId the mail whose text holds it
 * @param at        that mail's date
 */
public record TrailerGiven(String kind, Person by, SeriesRef series, String patches, String messageId, Instant at) {
}
