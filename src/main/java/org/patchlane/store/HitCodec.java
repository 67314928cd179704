package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.compress.LZ4;
import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;

/**
 * A {@link HitSource} as bytes for the doc values beside each message: {@link #VERSION}, the uncompressed length,
 * then the fields (Lucene strings) compressed with LZ4. LZ4 rather than the stored fields' DEFLATE: a results page
 * decompresses 50 of them (microseconds each, against about a quarter of a millisecond to read one message's stored
 * fields out of its DEFLATE block), and ingest compresses one per message. A change of layout is a new schema
 * version.
 */
final class HitCodec {
    static final int VERSION = 1;
    /**
     * Each ingest thread's LZ4 hash table, reset by every compression: a fresh one is 16 KB of garbage per message
     * (about the size of the hit itself).
     */
    private static final ThreadLocal<LZ4.FastCompressionHashTable> HASH_TABLE =
            ThreadLocal.withInitial(LZ4.FastCompressionHashTable::new);

    private HitCodec() {
    }

    static byte[] encode(HitSource h) {
        try {
            ByteBuffersDataOutput plain = new ByteBuffersDataOutput();
            plain.writeString(h.messageId());
            plain.writeString(h.subject());
            plain.writeString(h.from().name());
            plain.writeString(h.from().email());
            plain.writeString(h.kind().jsonName());
            plain.writeString(h.list());
            plain.writeString(h.text());
            byte[] bytes = plain.toArrayCopy();
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeVInt(VERSION);
            out.writeVInt(bytes.length);
            LZ4.FastCompressionHashTable table = HASH_TABLE.get();
            LZ4.compress(bytes, 0, bytes.length, out, table);
            return out.toArrayCopy();
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory output cannot fail", e);
        }
    }

    static HitSource decode(BytesRef b) {
        try {
            ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
            int version = in.readVInt();
            if (version != VERSION) throw new IllegalStateException("index holds hit doc values of version " + version);
            byte[] bytes = new byte[in.readVInt()];
            LZ4.decompress(in, bytes.length, bytes, 0);
            ByteArrayDataInput plain = new ByteArrayDataInput(bytes);
            String id = plain.readString();
            String subject = plain.readString();
            Address from = new Address(plain.readString(), plain.readString());
            MessageKind kind = MessageKind.valueOf(plain.readString().toUpperCase(Locale.ROOT));
            return new HitSource(id, subject, from, kind, plain.readString(), plain.readString());
        } catch (IOException e) {
            throw new UncheckedIOException("index holds unreadable hit doc values", e);
        }
    }
}
