package org.patchlane.thread;

/**
 * Where a patch was applied (or a pull request merged), as a reply said it.
 *
 * @param commit    the commit id, "" when the notice gave none
 * @param url       the commit's URL, "" when the notice gave none
 * @param tree      the tree the notice names, "" when none
 * @param messageId the reply that said it
 * @param date      epoch ms of that reply
 */
public record Applied(String commit, String url, String tree, String messageId, long date) {
}
