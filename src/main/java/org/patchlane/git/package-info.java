/**
 * Git: the one package that uses JGit. Reads public-inbox archives (v2 epochs and v1 repositories) and git-config
 * files, and diffs lines with git's histogram algorithm ({@link org.patchlane.git.TextDiff}, for interdiffs); other
 * packages get plain Java types, never JGit's.
 */
package org.patchlane.git;
