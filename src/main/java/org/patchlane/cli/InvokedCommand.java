package org.patchlane.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that prints through its invocation's streams and reads the archive it gives (search, series, acks), so
 * that a new JVM and a server answering the launcher ({@code /api/cli}) run the very same code.
 */
abstract class InvokedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** A new JVM's own streams and archive, unless a server gives its own. */
    Invocation invocation = Invocation.LOCAL;

    final void invocation(Invocation invocation) {
        this.invocation = invocation;
    }
}
