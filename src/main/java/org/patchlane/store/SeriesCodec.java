package org.patchlane.store;

import static org.patchlane.store.Wire.findings;
import static org.patchlane.store.Wire.optionalAddress;
import static org.patchlane.store.Wire.str;
import static org.patchlane.store.Wire.strings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;
import org.patchlane.thread.Applied;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * A {@link Series} as compact bytes for its series document (what {@code acks} returns in one lookup, and each row of
 * a series list). A fixed field order, as {@link PostCodec}: a new JVM's {@code series} or {@code acks} spent about a
 * quarter of its time building Jackson's record mapping to read them (schema 7; JSON before). {@link #VERSION} leads.
 */
final class SeriesCodec {
    static final int VERSION = 1;

    private SeriesCodec() {
    }

    static byte[] encode(Series s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            str(out, s.id());
            str(out, s.title());
            optionalAddress(out, s.submitter());
            str(out, s.changeId());
            out.writeLong(s.lastActivity());
            strings(out, s.lists());
            strings(out, s.members());
            out.writeInt(s.versions().size());
            for (SeriesVersion v : s.versions()) version(out, v);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static Series decode(byte[] bytes, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
            int version = in.readByte();
            if (version != VERSION) throw new IllegalStateException("series encoding " + version + ", expected " + VERSION);
            String id = str(in);
            String title = str(in);
            Address submitter = optionalAddress(in);
            String changeId = str(in);
            long lastActivity = in.readLong();
            List<String> lists = strings(in);
            List<String> members = strings(in);
            List<SeriesVersion> versions = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) versions.add(version(in));
            return new Series(id, title, submitter, changeId, lastActivity, lists, members, versions);
        } catch (IOException e) {
            throw new UncheckedIOException("index holds an unreadable series", e);
        }
    }

    private static void version(DataOutputStream out, SeriesVersion v) throws IOException {
        out.writeInt(v.version());
        str(out, v.label());
        str(out, v.cover());
        str(out, v.title());
        optionalAddress(out, v.sender());
        out.writeLong(v.date());
        out.writeBoolean(v.rfc());
        out.writeBoolean(v.partial());
        str(out, v.predecessor());
        str(out, v.state());
        out.writeLong(v.stateSince());
        strings(out, v.lists());
        strings(out, v.problems());
        out.writeInt(v.patches().size());
        for (SeriesPatch p : v.patches()) patch(out, p);
        applied(out, v.merged());
    }

    private static SeriesVersion version(DataInputStream in) throws IOException {
        int version = in.readInt();
        String label = str(in);
        String cover = str(in);
        String title = str(in);
        Address sender = optionalAddress(in);
        long date = in.readLong();
        boolean rfc = in.readBoolean();
        boolean partial = in.readBoolean();
        String predecessor = str(in);
        String state = str(in);
        long stateSince = in.readLong();
        List<String> lists = strings(in);
        List<String> problems = strings(in);
        List<SeriesPatch> patches = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) patches.add(patch(in));
        return new SeriesVersion(version, label, cover, title, sender, date, rfc, partial, predecessor, state,
                stateSince, lists, problems, patches, applied(in));
    }

    private static void patch(DataOutputStream out, SeriesPatch p) throws IOException {
        out.writeInt(p.index());
        out.writeInt(p.total());
        str(out, p.messageId());
        strings(out, p.postings());
        str(out, p.subject());
        str(out, p.title());
        str(out, p.patchId());
        optionalAddress(out, p.author());
        strings(out, p.files());
        str(out, p.change());
        out.writeInt(p.trailers().size());
        for (GivenTrailer t : p.trailers()) {
            str(out, t.kind());
            str(out, t.name());
            str(out, t.email());
            str(out, t.givenIn());
            out.writeBoolean(t.carried());
            str(out, t.carriedFrom());
            out.writeBoolean(t.bySender());
            out.writeBoolean(t.inPatch());
            str(out, t.scope());
        }
        findings(out, p.findings());
        applied(out, p.applied());
    }

    private static SeriesPatch patch(DataInputStream in) throws IOException {
        int index = in.readInt();
        int total = in.readInt();
        String messageId = str(in);
        List<String> postings = strings(in);
        String subject = str(in);
        String title = str(in);
        String patchId = str(in);
        Address author = optionalAddress(in);
        List<String> files = strings(in);
        String change = str(in);
        List<GivenTrailer> trailers = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            trailers.add(new GivenTrailer(str(in), str(in), str(in), str(in), in.readBoolean(), str(in),
                    in.readBoolean(), in.readBoolean(), str(in)));
        }
        List<Finding> findings = findings(in);
        return new SeriesPatch(index, total, messageId, postings, subject, title, patchId, author, files, change,
                trailers, findings, applied(in));
    }

    private static void applied(DataOutputStream out, Applied a) throws IOException {
        out.writeBoolean(a != null);
        if (a == null) return;
        str(out, a.commit());
        str(out, a.url());
        str(out, a.tree());
        str(out, a.messageId());
        out.writeLong(a.date());
    }

    private static Applied applied(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Applied(str(in), str(in), str(in), str(in), in.readLong()) : null;
    }
}
