package org.patchlane.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Waits on an IMAP folder with IDLE (RFC 2177) on a connection of its own and calls back whenever the server reports
 * a change, so that new mail is ingested at once instead of at the next poll. Ends by itself when the server does
 * not offer IDLE (polling alone then serves); reconnects with the account's backoff when the connection drops.
 */
public final class ImapIdle implements Closeable {
    private final ImapAccount account;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;
    private volatile ImapConnection connection;

    private ImapIdle(ImapAccount account, Runnable onChange) {
        this.account = account;
        this.onChange = onChange;
        this.thread = new Thread(this::loop, "patchlane-idle " + account.url());
        thread.setDaemon(true);
    }

    /** Starts waiting in the background. */
    public static ImapIdle start(ImapAccount account, Runnable onChange) {
        ImapIdle idle = new ImapIdle(account, onChange);
        idle.thread.start();
        return idle;
    }

    private void loop() {
        long wait = account.backoff().toMillis();
        while (!closed) {
            try {
                connection = ImapConnection.open(account);
                if (!connection.canIdle()) return;
                wait = account.backoff().toMillis();
                while (!closed) {
                    connection.idle();
                    if (!closed) onChange.run();
                }
            } catch (ImapRefusedException e) {
                return;
            } catch (IOException e) {
                // Dropped or timed out: the poller still runs; try IDLE again after a pause.
            } finally {
                ImapConnection c = connection;
                if (c != null) c.close();
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = Math.min(wait * 2, 60_000);
        }
    }

    @Override
    public void close() {
        closed = true;
        ImapConnection c = connection;
        if (c != null) c.close();
        thread.interrupt();
    }
}
