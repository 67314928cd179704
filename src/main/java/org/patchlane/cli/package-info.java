/** The command line (picocli): one class per verb, exit codes and {@code --json} per DESIGN.md §14. */
package org.patchlane.cli;
