package org.patchlane.mail;

import java.util.Locale;

/** Why a stored message deserves a second look. Shown as lower-case snake names in JSON and queries. */
public enum MailFlag {
    /** The MIME structure or headers could not be parsed; the raw bytes are kept and searchable by header. */
    PARSE_ERROR,
    /** A text part's charset was unknown or wrong; decoded best effort. */
    CHARSET,
    /** No Message-ID header: a stable one was derived from the content hash. */
    NO_MESSAGE_ID,
    /** The source ended inside this message. */
    TRUNCATED,
    /** Another stored message has the same Message-ID with different content. */
    DUPLICATE_ID,
    /** No usable Date header: the date came from the mbox {@code From } line, or is unknown. */
    BAD_DATE,
    /** The only text was HTML, converted to text. */
    HTML_ONLY;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
