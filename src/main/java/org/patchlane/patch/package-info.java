/** Patch analysis: pure functions over a {@link org.patchlane.mail.Mail} telling what it is (tags, trailers, diff, pull request, markers) and what it adds, uses and depends on (symbols, dependency references). No I/O. */
package org.patchlane.patch;
