package org.patchlane.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.patchlane.patch.DependencyRef;
import org.patchlane.patch.Markers;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Symbols;

/**
 * The stored form of {@link LinkFacts}: a version byte, then length-prefixed UTF-8 strings. Evidence is cut to
 * {@link #MAX_EVIDENCE} characters (a sentence is enough to show a reader; whole paragraphs only bloat the index),
 * every other string to {@link MessageDocument#MAX_KEYWORD}, as the index's keywords are: a hostile mail's
 * 100 KB "identifier" or Message-ID must not fail the 64 KB limit of a length-prefixed string and stop ingest.
 */
final class LinkFactsCodec {
    private static final int FORMAT = 1;
    static final int MAX_EVIDENCE = 500;

    private LinkFactsCodec() {
    }

    static byte[] encode(LinkFacts f) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(cut(f.messageId()));
            out.writeUTF(f.kind().name());
            out.writeLong(f.date());
            strings(out, f.parents());
            strings(out, f.symbols().defined());
            strings(out, f.symbols().exported());
            strings(out, f.symbols().used());
            out.writeInt(f.dependencies().size());
            for (DependencyRef d : f.dependencies()) {
                out.writeUTF(d.kind().name());
                out.writeUTF(d.form().name());
                out.writeUTF(cut(d.target()));
                String e = d.evidence();
                out.writeUTF(e.length() > MAX_EVIDENCE ? e.substring(0, MAX_EVIDENCE) : e);
            }
            Markers m = f.markers();
            nullable(out, m.baseCommit());
            nullable(out, m.changeId());
            strings(out, m.prerequisitePatchIds());
            strings(out, m.prerequisiteMessageIds());
            strings(out, m.prerequisiteChangeIds());
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream", e);
        }
        return bytes.toByteArray();
    }

    static LinkFacts decode(byte[] b, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b, offset, length))) {
            int format = in.readByte();
            if (format != FORMAT) throw new IllegalStateException("link facts format " + format + ": reindex");
            String id = in.readUTF();
            MessageKind kind = MessageKind.valueOf(in.readUTF());
            long date = in.readLong();
            List<String> parents = strings(in);
            Symbols symbols = new Symbols(new LinkedHashSet<>(strings(in)), new LinkedHashSet<>(strings(in)),
                    new LinkedHashSet<>(strings(in)));
            int n = in.readInt();
            List<DependencyRef> deps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                deps.add(new DependencyRef(DependencyRef.Kind.valueOf(in.readUTF()),
                        DependencyRef.Form.valueOf(in.readUTF()), in.readUTF(), in.readUTF()));
            }
            Markers markers = new Markers(nullable(in), nullable(in), strings(in), strings(in), strings(in));
            return new LinkFacts(id, kind, date, parents, symbols, deps, markers);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt link facts", e);
        }
    }

    private static void strings(DataOutputStream out, Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) out.writeUTF(cut(v));
    }

    private static String cut(String s) {
        return s.length() <= MessageDocument.MAX_KEYWORD ? s : s.substring(0, MessageDocument.MAX_KEYWORD);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(in.readUTF());
        return out;
    }

    private static void nullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) out.writeUTF(cut(value));
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
