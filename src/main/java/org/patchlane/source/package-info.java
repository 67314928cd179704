/** Sources: yield raw message bytes from mbox, Maildir, .eml files and directories, each with a resumable cursor. */
package org.patchlane.source;
