/**
 * The digest: what happened on the lists in a period (an ISO week or any range), grouped by list and area, with
 * the rules broken and what is waiting on whom. {@link org.patchlane.digest.Digest} is the content, built once from
 * the archive, the links, the checks and the maintainers' decisions; its writers render that one content as plain
 * text for a mailing list, HTML for mail and the web, JSON and Atom, so every format carries the same facts.
 * Imports every stage to its left; nothing imports it but {@code web} and {@code cli}.
 */
package org.patchlane.digest;
