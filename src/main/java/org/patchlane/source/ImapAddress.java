package org.patchlane.source;

import java.io.IOException;
import java.util.function.Function;

/** An IMAP folder as a source: one cursor, keyed by the folder's canonical URL. */
public record ImapAddress(ImapAccount account) implements SourceAddress {
    @Override
    public MailSource open(Function<String, String> positionLookup) throws IOException {
        return ImapSource.open(account, positionLookup.apply(ImapSource.sourceKey(account.url())));
    }

    @Override
    public String display() {
        return account.url().toString();
    }

    @Override
    public boolean owns(String cursorKey) {
        return cursorKey.equals(ImapSource.sourceKey(account.url()));
    }
}
