package org.patchlane.mail;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walks a message's MIME tree (Angus's {@link MimeMultipart} splits multiparts) and collects its text: text/plain
 * parts in order, diff attachments apart, HTML converted only when there is no plain text at all. Parts share
 * the raw byte array: nothing is copied until a part is decoded.
 *
 * <p>Embedded messages (message/rfc822) are included as quoted text ("> " on every line, after their From and
 * Subject): they stay searchable, but a forwarded mail's trailers and diffs never count as the forwarder's own.
 */
final class BodyWalker {
    /** Parts walked per message: public-inbox's Eml.pm $mime_parts_limit, "same as SpamAssassin". */
    static final int MAX_PARTS = 1000;
    /** Multipart and message/rfc822 nesting: Eml.pm's $mime_nesting_limit (a postfix limit name). */
    static final int MAX_DEPTH = 20;
    /** Longer boundaries mark garbage, not MIME: Eml.pm's $mime_boundary_length_limit, "same as postfix". */
    static final int MAX_BOUNDARY = 2048;
    /**
     * Decoded text kept per message. Far above any list's message size (vger long refused mail over 100 KB),
     * so only pathological input (a 100 MB base64 log) is cut: ingest on 2 cores must not hold it all in memory.
     */
    static final int MAX_TEXT_CHARS = 16 << 20;

    /**
     * jakarta.mail 2.1's {@code StreamProvider.provider()} runs on every body part and header block; unless this
     * System property names the provider, it scans the class path with ServiceLoader each time (measured: about
     * 250 µs per multipart message instead of 10). It is read from System properties only, so it is set once here,
     * unless the application already chose a provider.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Problems problems;
    private final StringBuilder text = new StringBuilder();
    private final List<String> attachments = new ArrayList<>(0);
    private final List<String> html = new ArrayList<>(0);
    private boolean plainSeen;
    private int parts;

    private BodyWalker(Problems problems) {
        this.problems = problems;
    }

    /** The body of a message whose header section {@code headers} was scanned from {@code raw}. */
    static BodyText walk(byte[] raw, HeaderBlock headers, Problems problems) {
        BodyWalker w = new BodyWalker(problems);
        w.entity(headers::first, raw, headers.bodyStart, raw.length, 0, false);
        if (!w.plainSeen && !w.html.isEmpty()) {
            for (String h : w.html) w.append(HtmlText.toText(h));
            problems.flag(MailFlag.HTML_ONLY);
        }
        return Quotes.split(w.text.toString(), w.attachments);
    }

    /** Header lookup of one MIME entity: the top-level scan or an Angus body part. */
    private interface Headers {
        String get(String name);
    }

    private void entity(Headers h, byte[] buf, int from, int to, int depth, boolean embedded) {
        if (++parts > MAX_PARTS) {
            if (parts == MAX_PARTS + 1) problems.note("more than " + MAX_PARTS + " MIME parts: the rest is skipped");
            return;
        }
        MimeType ct = MimeType.parse(h.get("Content-Type"), MimeType.TEXT_PLAIN);
        String cte = TransferEncoding.name(h.get("Content-Transfer-Encoding"));
        if (ct.type().equals("multipart")) {
            multipart(ct, cte, buf, from, to, depth, embedded);
        } else if (ct.type().equals("message") && (ct.subtype().equals("rfc822") || ct.subtype().equals("news")
                || ct.subtype().equals("global"))) {
            embedded(cte, buf, from, to, depth);
        } else {
            leaf(ct, cte, h, buf, from, to, embedded);
        }
    }

    private void multipart(MimeType ct, String cte, byte[] buf, int from, int to, int depth, boolean embedded) {
        if (depth >= MAX_DEPTH) {
            problems.note("MIME nesting deeper than " + MAX_DEPTH + ": inner parts skipped");
            return;
        }
        String boundary = ct.param("boundary");
        if (boundary != null && boundary.length() > MAX_BOUNDARY) {
            problems.add(MailFlag.PARSE_ERROR, "multipart boundary longer than " + MAX_BOUNDARY + " characters");
            plain(null, cte, buf, from, to, false, embedded);
            return;
        }
        if ("base64".equals(cte) || "quoted-printable".equals(cte)) { // forbidden by RFC 2045 §6.4, seen anyway
            buf = TransferEncoding.decode(buf, from, to - from, cte);
            from = 0;
            to = buf.length;
        }
        String type = "multipart/" + (ct.subtype().isEmpty() ? "mixed" : ct.subtype())
                + (boundary == null ? "" : "; boundary=\"" + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        MimeMultipart mp;
        int count;
        try {
            mp = new MimeMultipart(new Source(new Bytes(buf, from, to - from), type));
            count = mp.getCount();
        } catch (MessagingException e) {
            problems.add(MailFlag.PARSE_ERROR, type + ": " + e.getMessage());
            plain(null, null, buf, from, to, false, embedded);
            return;
        }
        try {
            if (!mp.isComplete()) problems.add(MailFlag.TRUNCATED, type + ": no closing boundary");
            if (ct.subtype().equals("alternative")) {
                child((MimeBodyPart) mp.getBodyPart(preferred(mp, count)), depth, embedded);
            } else {
                for (int i = 0; i < count && parts <= MAX_PARTS; i++) {
                    child((MimeBodyPart) mp.getBodyPart(i), depth, embedded);
                }
            }
        } catch (MessagingException e) { // parsed above: Angus only rethrows a parse failure here
            problems.add(MailFlag.PARSE_ERROR, type + ": " + e.getMessage());
        }
    }

    /** In multipart/alternative the text/plain part, else the last (the richest, RFC 2046 §5.1.4). */
    private static int preferred(MimeMultipart mp, int count) throws MessagingException {
        for (int i = 0; i < count; i++) {
            String[] v = mp.getBodyPart(i).getHeader("Content-Type");
            MimeType t = MimeType.parse(v == null ? null : v[0], MimeType.TEXT_PLAIN);
            if (t.is("text", "plain")) return i;
        }
        return count - 1;
    }

    private void child(MimeBodyPart part, int depth, boolean embedded) throws MessagingException {
        Bytes b = (Bytes) part.getRawInputStream();
        entity(name -> header(part, name), b.buffer(), b.from(), b.to(), depth + 1, embedded);
    }

    private static String header(MimeBodyPart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (MessagingException e) { // only thrown by subclasses that load headers lazily; ours are parsed
            return null;
        }
    }

    private void embedded(String cte, byte[] buf, int from, int to, int depth) {
        if (depth >= MAX_DEPTH) {
            problems.note("MIME nesting deeper than " + MAX_DEPTH + ": embedded message skipped");
            return;
        }
        if ("base64".equals(cte) || "quoted-printable".equals(cte)) {
            buf = TransferEncoding.decode(buf, from, to - from, cte);
            from = 0;
            to = buf.length;
        }
        HeaderBlock inner = HeaderBlock.scan(buf, from, to);
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') text.append('\n');
        int mark = text.length();
        String fromLine = inner.first("From");
        if (fromLine != null) append("From: " + HeaderText.unstructured(fromLine, problems) + "\n");
        String subject = inner.first("Subject");
        if (subject != null) append("Subject: " + HeaderText.unstructured(subject, problems) + "\n\n");
        entity(inner::first, buf, inner.bodyStart, to, depth + 1, true);
        quoteFrom(mark);
    }

    /** Prefixes every line appended since {@code mark} with "> " (">" alone on empty lines). */
    private void quoteFrom(int mark) {
        String tail = text.substring(mark);
        text.setLength(mark);
        int start = 0;
        while (start < tail.length()) {
            int end = tail.indexOf('\n', start);
            if (end < 0) end = tail.length();
            text.append(end == start ? ">" : "> ").append(tail, start, end).append('\n');
            start = end + 1;
        }
    }

    private void leaf(MimeType ct, String cte, Headers h, byte[] buf, int from, int to, boolean embedded) {
        String name = filename(ct, h);
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        boolean diffName = lower.endsWith(".patch") || lower.endsWith(".diff");
        String mime = ct.type() + "/" + ct.subtype();
        boolean diffType = mime.equals("text/x-patch") || mime.equals("text/x-diff") || mime.equals("text/diff")
                || mime.equals("application/x-patch") || mime.equals("application/x-diff");
        boolean diffCarrier = ct.type().equals("text") || mime.equals("application/octet-stream");
        if (diffType || diffName && diffCarrier) {
            String s = decode(ct, cte, buf, from, to, "attachment " + (name == null ? mime : name));
            if (embedded) {
                append(s);
            } else if (attachments.size() < MAX_PARTS) {
                attachments.add(s);
            }
        } else if (ct.is("text", "plain") || ct.type().isEmpty()) {
            plain(ct, cte, buf, from, to, "flowed".equalsIgnoreCase(ct.param("format")), embedded);
        } else if (ct.is("text", "html")) {
            String s = decode(ct, cte, buf, from, to, "text/html part");
            if (embedded) {
                append(HtmlText.toText(s));
            } else {
                html.add(s);
            }
        }
    }

    private void plain(MimeType ct, String cte, byte[] buf, int from, int to, boolean flowed, boolean embedded) {
        String s = decode(ct, cte, buf, from, to, "text part");
        if (flowed) s = FlowedText.unflow(s, "yes".equalsIgnoreCase(ct.param("delsp")));
        if (!embedded) plainSeen = true;
        append(s);
    }

    private static String filename(MimeType ct, Headers h) {
        String name = MimeType.parse(h.get("Content-Disposition"), MimeType.TEXT_PLAIN).param("filename");
        if (name == null || name.isBlank()) name = ct.param("name");
        return name == null ? null : HeaderText.unstructured(name);
    }

    /** Transfer-decodes and charset-decodes a part; CRLF becomes LF. */
    private String decode(MimeType ct, String cte, byte[] buf, int from, int to, String what) {
        int off = from;
        int len = to - from;
        if ("base64".equals(cte) || "quoted-printable".equals(cte)) {
            buf = TransferEncoding.decode(buf, from, len, cte);
            off = 0;
            len = buf.length;
        }
        String s = Charsets.decode(buf, off, len, ct == null ? null : ct.param("charset"), what, problems);
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n");
    }

    private void append(String s) {
        if (s.isEmpty()) return;
        if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') text.append('\n');
        int room = MAX_TEXT_CHARS - text.length();
        if (s.length() > room) {
            if (room > 0) problems.note("decoded text cut at " + MAX_TEXT_CHARS + " characters");
            s = s.substring(0, Math.max(0, room));
        }
        text.append(s);
    }

    /**
     * The raw bytes shared by every part: Angus's {@link SharedByteArrayInputStream}, with sub-streams of this
     * type so a part's byte range can be read without copying.
     */
    private static final class Bytes extends SharedByteArrayInputStream {
        Bytes(byte[] buf, int offset, int length) {
            super(buf, offset, length);
        }

        @Override
        public InputStream newStream(long from, long to) {
            long end = to == -1 ? count - start : to;
            return new Bytes(buf, start + (int) from, (int) (end - from));
        }

        byte[] buffer() {
            return buf;
        }

        int from() {
            return start;
        }

        int to() {
            return count;
        }
    }

    /** A multipart's bytes and its (cleaned) Content-Type, for {@link MimeMultipart}. */
    private record Source(InputStream in, String type) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getContentType() {
            return type;
        }

        @Override
        public String getName() {
            return "";
        }
    }
}
