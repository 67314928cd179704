package org.patchlane.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;

/** The pieces {@link PostCodec} and {@link SeriesCodec} write their records with, and read them back. */
final class Wire {
    private Wire() {
    }

    /** The SHA-256 of some bytes (a raw mail for its uid, a series document to tell it unchanged). */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Length-prefixed UTF-8, -1 for null (writeUTF caps strings at 64 KB; a subject may be longer). */
    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.UTF_8);
    }

    static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) str(out, v);
    }

    static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(str(in));
        return out;
    }

    static void address(DataOutputStream out, Address a) throws IOException {
        str(out, a.name());
        str(out, a.email());
    }

    static Address address(DataInputStream in) throws IOException {
        return new Address(str(in), str(in));
    }

    /** An address that may be null. */
    static void optionalAddress(DataOutputStream out, Address a) throws IOException {
        out.writeBoolean(a != null);
        if (a != null) address(out, a);
    }

    static Address optionalAddress(DataInputStream in) throws IOException {
        return in.readBoolean() ? address(in) : null;
    }

    /** Sign-off and Fixes findings, each its check and text. */
    static void findings(DataOutputStream out, List<Finding> findings) throws IOException {
        out.writeInt(findings.size());
        for (Finding f : findings) {
            str(out, f.check());
            str(out, f.text());
        }
    }

    static List<Finding> findings(DataInputStream in) throws IOException {
        List<Finding> out = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) out.add(new Finding(str(in), str(in)));
        return out;
    }
}
