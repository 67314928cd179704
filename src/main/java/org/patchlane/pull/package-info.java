/**
 * Pull requests checked against real repositories (seed 000's "clean driver pull request"): each configured
 * {@code [repo "NAME"]} is opened through the {@code git} package; a pending request's announced ref, fetched into
 * {@code refs/patchlane/pulls/}, is checked for its base, its head, its range against the mail, the paths it
 * touches, user-space API headers, the series posted for it, the rc cut-off and a trial merge into upstream and
 * next. Every check is a {@link org.patchlane.link.Check} with the lines that prove its verdict.
 *
 * <p>Merged detection ({@link org.patchlane.pull.MergeDetector}, run by {@link org.patchlane.pull.MergedRun}): open
 * series matched against upstream's commits by patch-id, else author and subject, in one pass over the commits
 * (their patch-ids cached by {@link org.patchlane.pull.PatchIdCache}); and {@link org.patchlane.pull.ExportsRelease},
 * seeds 002/004's export that must have an in-tree user by the next release.
 */
package org.patchlane.pull;
