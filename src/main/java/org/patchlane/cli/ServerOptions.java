package org.patchlane.cli;

import picocli.CommandLine.Option;

/** Where the web server listens: loopback by default, so a demo is never exposed by accident. */
final class ServerOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;
}
