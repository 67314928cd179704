package org.patchlane.mail;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Parses one raw message into a {@link Mail}; never throws. Reader of raw bytes, writer of nothing.
 *
 * <p>Headers are scanned from the bytes by {@link HeaderBlock} rather than by Angus's {@code MimeMessage}: 8-bit
 * headers must be re-read from their raw bytes (UTF-8 where valid, else windows-1252), and the same scan then
 * serves the error path. MIME structure is Angus's ({@code MimeMultipart} over a shared byte array, see
 * {@link BodyWalker}). No {@code Session} is needed, and of the mail System properties only one is set (the stream
 * provider, for speed: see {@link BodyWalker#STREAM_PROVIDER}): the lenient behaviours that Angus configures only
 * JVM-wide (decodetext.strict, parameters.strict) are done by our own decoders, and MimeMultipart's defaults
 * already tolerate missing boundaries.
 *
 * <p>Cost: one pass over the headers, one over each text part; about 10-20 µs for a 3 KB plain-text patch
 * (see MailParserBench).
 */
public final class MailParser {
    /** Domain of Message-IDs derived for mail without one; .invalid (RFC 2606) can never clash with a real one. */
    static final String DERIVED_ID_DOMAIN = "@no-message-id.patchlane.invalid";

    private MailParser() {
    }

    /**
     * Parses {@code raw}.
     *
     * @param raw          the message bytes, possibly starting with an mbox {@code From } line; null is an empty mail
     * @param envelopeDate the mbox From-line date, used when the Date header is missing or unreadable; null or the
     *                     epoch mean unknown
     * @param truncated    the source ended inside this message: flags {@link MailFlag#TRUNCATED}
     */
    public static Mail parse(byte[] raw, Instant envelopeDate, boolean truncated) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        try {
            return full(bytes, envelopeDate, truncated);
        } catch (RuntimeException | StackOverflowError e) {
            return fallback(bytes, envelopeDate, truncated, e);
        }
    }

    /** The Message-ID {@link #parse} would give, from the headers alone. */
    public static String messageIdOf(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        String id = MessageIds.first(header(HeaderBlock.scan(bytes, 0, bytes.length), "Message-ID"));
        return id == null ? derivedId(bytes) : id;
    }

    private static Mail full(byte[] raw, Instant envelope, boolean truncated) {
        Problems p = new Problems();
        if (truncated) p.add(MailFlag.TRUNCATED, "the source ended inside this message");
        HeaderBlock h = HeaderBlock.scan(raw, 0, raw.length);
        if (h.cut) p.note("header section longer than " + HeaderBlock.MAX_HEADER_BYTES + " bytes: rest ignored");
        String id = messageId(h, raw, p);
        BodyText body = BodyWalker.walk(raw, h, p);
        return assemble(h, id, envelope, body, p);
    }

    /**
     * The error path: headers from the scan (each field on its own, so one bad field costs only itself), the body
     * as the raw text after the header section, flagged {@link MailFlag#PARSE_ERROR} with the problem.
     */
    static Mail fallback(byte[] raw, Instant envelope, boolean truncated, Throwable error) {
        Problems p = new Problems();
        p.add(MailFlag.PARSE_ERROR, "parse failed: " + error);
        if (truncated) p.add(MailFlag.TRUNCATED, "the source ended inside this message");
        HeaderBlock h;
        try {
            h = HeaderBlock.scan(raw, 0, raw.length);
        } catch (RuntimeException e) {
            h = HeaderBlock.scan(new byte[0], 0, 0);
        }
        String id;
        try {
            id = messageId(h, raw, p);
        } catch (RuntimeException e) {
            id = derivedId(raw);
        }
        String text = Charsets.bestEffort(raw, h.bodyStart, raw.length - h.bodyStart).replace("\r\n", "\n");
        return assemble(h, id, envelope, Quotes.split(text, List.of()), p);
    }

    private static Mail assemble(HeaderBlock h, String id, Instant envelope, BodyText body, Problems p) {
        List<String> refs = guarded(() -> MessageIds.parse(header(h, "References")), List.of(), "References", p);
        List<String> irt = guarded(() -> MessageIds.parse(header(h, "In-Reply-To")), List.of(), "In-Reply-To", p);
        refs = new ArrayList<>(refs);
        if (refs.remove(id)) p.note("References names the message itself: dropped");
        String parent = irt.isEmpty() || irt.get(0).equals(id) ? null : irt.get(0);
        List<Address> from = guarded(() -> AddressList.parse(h.first("From"), p), List.of(), "From", p);
        List<Address> to = guarded(() -> AddressList.parse(h.joined("To"), p), List.of(), "To", p);
        List<Address> cc = guarded(() -> AddressList.parse(h.joined("Cc"), p), List.of(), "Cc", p);
        String listId = guarded(() -> listId(header(h, "List-Id")), null, "List-Id", p);
        Instant date = guarded(() -> date(h, envelope, p), null, "Date", p);
        String subject = guarded(() -> HeaderText.unstructured(h.first("Subject"), p), "", "Subject", p);
        return new Mail(id, parent == null ? List.of() : List.of(parent), refs,
                from.isEmpty() ? new Address("", "") : from.get(0), to, cc, listId, date, subject, body, p.flags(),
                p.texts());
    }

    private interface Field<T> {
        T get();
    }

    /** One header field, parsed on its own: a failure costs that field only and is reported. */
    private static <T> T guarded(Field<T> field, T otherwise, String name, Problems p) {
        try {
            return field.get();
        } catch (RuntimeException e) {
            p.add(MailFlag.PARSE_ERROR, name + ": " + e);
            return otherwise;
        }
    }

    private static String header(HeaderBlock h, String name) {
        String v = h.first(name);
        return v == null ? null : HeaderText.eightBit(v);
    }

    private static String messageId(HeaderBlock h, byte[] raw, Problems p) {
        List<String> ids = MessageIds.parse(header(h, "Message-ID"));
        if (ids.isEmpty()) {
            String id = derivedId(raw);
            p.add(MailFlag.NO_MESSAGE_ID, "no Message-ID: derived " + id);
            return id;
        }
        if (ids.size() > 1) p.note("Message-ID holds " + ids.size() + " ids: the first is kept");
        return ids.get(0);
    }

    /** A stable id for a mail without one: 24 hex digits (96 bits) of the SHA-256 of its bytes. */
    static String derivedId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 12) + DERIVED_ID_DOMAIN;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The id inside the angle brackets, lower-cased; a bare dotted token is accepted too. */
    static String listId(String value) {
        if (value == null) return null;
        int open = value.lastIndexOf('<');
        int close = value.lastIndexOf('>');
        String id = open >= 0 && close > open ? value.substring(open + 1, close).strip() : value.strip();
        if (id.isEmpty() || id.indexOf(' ') >= 0 || id.indexOf('.') < 0) return null;
        return id.toLowerCase(Locale.ROOT);
    }

    private static Instant date(HeaderBlock h, Instant envelope, Problems p) {
        String raw = header(h, "Date");
        Instant d = MailDates.parse(raw);
        if (d != null) return d;
        String why = raw == null ? "no Date header" : "unreadable Date \"" + HeaderText.collapse(raw) + "\"";
        if (envelope != null && !envelope.equals(Instant.EPOCH)) {
            p.add(MailFlag.BAD_DATE, why + ": the envelope date is used");
            return envelope;
        }
        p.add(MailFlag.BAD_DATE, why + ": date unknown");
        return null;
    }
}
