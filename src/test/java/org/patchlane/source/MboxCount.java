package org.patchlane.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test helper run in a child JVM with a tiny heap: streams a source and prints "messages bytes maxMessage".
 * Proves the bounded-memory promise of {@link MailSource} on a file far larger than the heap.
 */
public final class MboxCount {
    private MboxCount() {
    }

    public static void main(String[] args) throws IOException {
        long messages = 0;
        long bytes = 0;
        int max = 0;
        try (MailSource source = Sources.open(Path.of(args[0]), k -> null)) {
            for (RawMessage m = source.next(); m != null; m = source.next()) {
                messages++;
                bytes += m.bytes().length;
                max = Math.max(max, m.bytes().length);
            }
        }
        System.out.println(messages + " " + bytes + " " + max);
    }
}
