/**
 * Links between series and the checks built on them: which series a series depends on (its prerequisites) and
 * which depend on it (its users), each link with its kind, the line that proves it and a confidence; then the
 * posted-together, exports, required-acks and prerequisite-state checks of the maintainers' rules ("no new
 * infrastructure without a user", "no exports without in-tree users", "the driver maintainers ack the
 * infrastructure"). Links are computed from the link facts in the index whenever they are asked for, so they are
 * as current as the archive: a driver series posted a week later links back, and arrival order does not matter.
 * A maintainer's link edits ({@link org.patchlane.review.LinkEdit}, kept by {@link org.patchlane.store.LinkEdits})
 * are applied to what the mail gives before any check: an added link is of kind {@link LinkKind#MANUAL}, a removed
 * one moves apart ({@link Links#removedPrerequisites()}, {@link Links#removedUsers()}).
 */
package org.patchlane.link;
