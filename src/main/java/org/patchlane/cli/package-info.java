/** The command line (picocli): one class per verb, common exit codes, {@code --json} output as in {@code docs/json.md}. */
package org.patchlane.cli;
