package org.patchlane.web;

import java.net.BindException;

/**
 * The server could not listen on its address: an environment problem for the user to solve, not a bug, so it
 * carries what the user needs (the reason, host and port) and none of the web framework's types.
 */
public final class ListenException extends RuntimeException {
    /** Why listening failed. */
    public enum Reason {
        /** Another process listens on the port. */
        PORT_IN_USE,
        /** Ports below 1024 need administrator rights. */
        PRIVILEGED_PORT,
        /** Anything else: an address not of this machine, a host name that does not resolve. */
        OTHER
    }

    private final Reason reason;
    private final String host;
    private final int port;

    ListenException(Reason reason, String host, int port, Throwable cause) {
        super("cannot listen on " + host + ":" + port + ": " + rootMessage(cause), cause);
        this.reason = reason;
        this.host = host;
        this.port = port;
    }

    /** Classifies a bind failure by the socket error at its root. */
    static ListenException of(String host, int port, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = String.valueOf(root.getMessage()).toLowerCase(java.util.Locale.ROOT);
        Reason reason = root instanceof BindException && text.contains("in use") ? Reason.PORT_IN_USE
                : root instanceof BindException && text.contains("permission") ? Reason.PRIVILEGED_PORT
                : Reason.OTHER;
        return new ListenException(reason, host, port, failure);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    public Reason reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
