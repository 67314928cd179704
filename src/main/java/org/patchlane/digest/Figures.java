package org.patchlane.digest;

import java.time.Duration;

/**
 * A period's counts.
 *
 * @param series            new series
 * @param versions          new versions of earlier series
 * @param acks              Acked-by given
 * @param reviews           Reviewed-by given
 * @param tests             Tested-by given
 * @param nacks             Nacked-by given
 * @param pulls             pull requests received
 * @param merged            series and pull requests applied or merged
 * @param firstReview       median time from a version's posting to its first review trailer or reply from
 *                          someone else, over the versions posted in the period that got one; null when none did
 */
public record Figures(int series, int versions, int acks, int reviews, int tests, int nacks, int pulls, int merged,
                      Duration firstReview) {
}
