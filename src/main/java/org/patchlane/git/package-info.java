/**
 * Git: the one package that uses JGit. Reads public-inbox archives (v2 epochs and v1 repositories) and git-config
 * files; other packages get plain Java types, never JGit's.
 */
package org.patchlane.git;
