package org.patchlane.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay to a test server that can break the next connection once the server has sent a given
 * number of bytes: cut (both sockets closed, as a server dropping the client) or stall (nothing more forwarded, as a
 * hung server). Later connections pass untouched.
 */
public final class CuttingProxy implements AutoCloseable {
    public enum Fault { CUT, STALL }

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong faultAfter = new AtomicLong(-1);
    private volatile Fault fault = Fault.CUT;
    private final AtomicInteger faults = new AtomicInteger();

    public CuttingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::accept, "proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Breaks the next connection (only that one) once the server has sent {@code bytes} bytes on it. */
    public void breakNextAfter(long bytes, Fault how) {
        fault = how;
        faultAfter.set(bytes);
    }

    /** Connections broken so far. */
    public int faults() {
        return faults.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                long limit = faultAfter.getAndSet(-1);
                pump(client, server, -1, "up");
                pump(server, client, limit, "down");
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long sent = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    if (limit >= 0 && sent + n > limit) {
                        faults.incrementAndGet();
                        if (fault == Fault.STALL) {
                            Thread.sleep(Long.MAX_VALUE);
                        }
                        break;
                    }
                    out.write(buf, 0, n);
                    sent += n;
                }
            } catch (IOException | InterruptedException e) {
                // One side closed: close both below.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
