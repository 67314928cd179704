/** Patch analysis: pure functions over a {@link org.patchlane.mail.Mail} telling what it is (tags, trailers, diff, pull request, markers). No I/O. */
package org.patchlane.patch;
