package org.patchlane.bench;

/** How a generated body is put on the wire: the MIME quirks real archives hold, each a separate case. */
enum BodyShape {
    /** text/plain UTF-8, 8bit. */
    PLAIN,
    /** text/plain UTF-8, quoted-printable. */
    QUOTED_PRINTABLE,
    /** text/plain UTF-8, base64. */
    BASE64,
    /** text/plain ISO-8859-1, 8bit, correctly declared. */
    LATIN1,
    /** ISO-8859-1 bytes declared as UTF-8: the classic broken-charset mail. */
    LATIN1_AS_UTF8,
    /** UTF-8 bytes under an unknown declared charset ({@code x-unknown}). */
    UNKNOWN_CHARSET,
    /** Only a text/html part, quoted-printable: the text must come from the HTML. */
    HTML_ONLY,
    /** multipart/alternative: a QP text part and a base64 HTML part. */
    ALTERNATIVE,
    /** multipart/mixed: a short text part and the patch as a text/x-patch attachment. */
    ATTACHMENT
}
