/**
 * Pull requests checked against real repositories (seed 000's "clean driver pull request"): each configured
 * {@code [repo "NAME"]} is opened through the {@code git} package; a pending request's announced ref, fetched into
 * {@code refs/patchlane/pulls/}, is checked for its base, its head, its range against the mail, the paths it
 * touches, user-space API headers, the series posted for it, the rc cut-off and a trial merge into upstream and
 * next. Every check is a {@link org.patchlane.link.Check} with the lines that prove its verdict.
 */
package org.patchlane.pull;
