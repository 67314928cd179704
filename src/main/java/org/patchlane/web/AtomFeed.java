package org.patchlane.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) as public-inbox writes them: entry ids are {@code urn:uuid:} made from the SHA-1 of
 * the Message-ID (so a reader moving from lore to Patchlane sees the same entries), replies carry
 * {@code thr:in-reply-to} (RFC 4685), and the content is the mail's text as plain text. Written with the JDK's
 * XML writer, so every subject, name and body is escaped; characters XML 1.0 cannot carry at all (most control
 * characters) are dropped.
 *
 * @param title   the feed's title
 * @param page    the HTML page the feed follows (absolute URL)
 * @param self    the feed's own URL (absolute)
 * @param id      the feed's id
 * @param entries newest first
 */
record AtomFeed(String title, String page, String self, String id, List<Entry> entries) {
    static final String TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String THREAD = "http://purl.org/syndication/thread/1.0";

    AtomFeed {
        entries = List.copyOf(entries);
    }

    /**
     * One entry.
     *
     * @param inReplyTo the id and page of the entry this one answers, or null
     * @param updated   the mail's date, or null when it had none
     * @param html      true when {@code content} is an HTML fragment (a digest), false for a mail's plain text
     */
    record Entry(String id, String title, String authorName, String authorEmail, Instant updated, String link,
                 Reply inReplyTo, String content, boolean html) {
        /** An entry whose content is plain text. */
        Entry(String id, String title, String authorName, String authorEmail, Instant updated, String link,
              Reply inReplyTo, String content) {
            this(id, title, authorName, authorEmail, updated, link, inReplyTo, content, false);
        }
    }

    /** A {@code thr:in-reply-to}: the answered entry's id and page. */
    record Reply(String ref, String href) {
    }

    /** lore's entry id for a Message-ID, or for any other key: {@code urn:uuid:} and the first 16 bytes of its SHA-1. */
    static String uuid(String key) {
        try {
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)));
            return "urn:uuid:" + h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                    + h.substring(16, 20) + "-" + h.substring(20, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** The feed as an XML document. */
    String xml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            w.writeNamespace("thr", THREAD);
            text(w, "title", title);
            link(w, "alternate", page);
            link(w, "self", self);
            text(w, "id", id);
            Instant newest = entries.stream().map(Entry::updated).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(Instant.EPOCH);
            text(w, "updated", date(newest));
            for (Entry e : entries) entry(w, e);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a string writer cannot fail", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, Entry e) throws XMLStreamException {
        w.writeStartElement("entry");
        w.writeStartElement("author");
        text(w, "name", e.authorName().isBlank() ? e.authorEmail() : e.authorName());
        if (!e.authorEmail().isBlank()) text(w, "email", e.authorEmail());
        w.writeEndElement();
        text(w, "title", e.title().isBlank() ? "(no subject)" : e.title().replaceAll("\\s+", " "));
        text(w, "updated", date(e.updated() == null ? Instant.EPOCH : e.updated()));
        w.writeEmptyElement("link");
        w.writeAttribute("href", clean(e.link()));
        text(w, "id", e.id());
        if (e.inReplyTo() != null) {
            w.writeEmptyElement(THREAD, "in-reply-to");
            w.writeAttribute("ref", clean(e.inReplyTo().ref()));
            w.writeAttribute("href", clean(e.inReplyTo().href()));
        }
        w.writeStartElement("content");
        w.writeAttribute("type", e.html() ? "html" : "text");
        w.writeCharacters(clean(e.content()));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        if (rel.equals("alternate")) w.writeAttribute("type", "text/html");
        w.writeAttribute("href", clean(href));
    }

    private static String date(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The text without what XML 1.0 forbids: C0 controls other than tab, newline and CR; lone surrogates; U+FFFE/F. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (ok) out.appendCodePoint(c);
        }
        return out.toString();
    }
}
