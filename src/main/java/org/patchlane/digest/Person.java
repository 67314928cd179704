package org.patchlane.digest;

/** Someone a digest names: a reviewer, a submitter, a maintainer waited on. {@code email} may be masked. */
public record Person(String name, String email) {
}
