package org.patchlane.web;

import java.util.List;

import org.patchlane.digest.DigestView;

/**
 * {@code /digest/{week}}: the digest's body and the way to the weeks around it.
 *
 * @param view          the body's view (site-relative links)
 * @param self          this page's path without the query, the list form's action
 * @param previous      the previous week's page, with the list kept
 * @param previousLabel its week
 * @param next          the next week's page, or null until that week has ended
 * @param nextLabel     its week, or null
 * @param list          the list shown, or null for every list
 * @param lists         the archive's lists, for the filter
 */
public record DigestPage(DigestView view, String self, String previous, String previousLabel, String next,
                         String nextLabel, String list, List<String> lists) {
    public DigestPage {
        lists = List.copyOf(lists);
    }
}
