package org.patchlane.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/** Encodes a body text into the MIME headers and bytes of one {@link BodyShape}. */
final class MimeBody {
    private MimeBody() {
    }

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(76, new byte[] {'\n'});
    private static final byte[] HEXU = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /**
     * Appends the Content-Type/Content-Transfer-Encoding header lines to {@code headers} and the encoded body
     * to {@code body}. For {@link BodyShape#ATTACHMENT}, {@code text} is the attachment and {@code intro} the
     * inline text part.
     */
    static void write(BodyShape shape, CharSequence text, String intro, String fileName, SplittableRandom r,
                      StringBuilder headers, Bytes body) {
        switch (shape) {
            case PLAIN -> {
                headers.append("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n");
                body.appendUtf8(text);
            }
            case QUOTED_PRINTABLE -> {
                headers.append("Content-Type: text/plain; charset=\"utf-8\"\n"
                        + "Content-Transfer-Encoding: quoted-printable\n");
                quotedPrintable(utf8(text), body);
            }
            case BASE64 -> {
                headers.append("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n");
                body.append(BASE64.encode(utf8(text))).append('\n');
            }
            case LATIN1 -> {
                headers.append("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n");
                body.appendLatin1(text);
            }
            case LATIN1_AS_UTF8 -> {
                headers.append("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n");
                body.appendLatin1(text);
            }
            case UNKNOWN_CHARSET -> {
                headers.append("Content-Type: text/plain; charset=x-unknown\nContent-Transfer-Encoding: 8bit\n");
                body.appendUtf8(text);
            }
            case HTML_ONLY -> {
                headers.append("Content-Type: text/html; charset=\"utf-8\"\n"
                        + "Content-Transfer-Encoding: quoted-printable\n");
                quotedPrintable(utf8(html(text)), body);
            }
            case ALTERNATIVE -> {
                String boundary = "_000_" + Prose.hex(r, 32) + "_";
                headers.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\n");
                body.appendLatin1("--" + boundary + "\nContent-Type: text/plain; charset=\"utf-8\"\n"
                        + "Content-Transfer-Encoding: quoted-printable\n\n");
                quotedPrintable(utf8(text), body);
                body.appendLatin1("\n--" + boundary + "\nContent-Type: text/html; charset=\"utf-8\"\n"
                        + "Content-Transfer-Encoding: base64\n\n");
                body.append(BASE64.encode(utf8(html(text))));
                body.appendLatin1("\n--" + boundary + "--\n");
            }
            case ATTACHMENT -> {
                String boundary = "------------" + Prose.hex(r, 24);
                headers.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n");
                body.appendLatin1("This is a multi-part message in MIME format.\n--" + boundary
                        + "\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit\n\n");
                body.appendUtf8(intro);
                body.appendLatin1("\n--" + boundary + "\nContent-Type: text/x-patch; charset=UTF-8; name=\""
                        + fileName + "\"\nContent-Disposition: attachment; filename=\"" + fileName
                        + "\"\nContent-Transfer-Encoding: 8bit\n\n");
                body.appendUtf8(text);
                body.appendLatin1("\n--" + boundary + "--\n");
            }
            default -> throw new IllegalStateException(shape.name());
        }
    }

    private static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 2045 quoted-printable of {@code in}, with soft breaks keeping lines at most 76 chars. */
    static void quotedPrintable(byte[] in, Bytes out) {
        int col = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\n') {
                out.append('\n');
                col = 0;
                continue;
            }
            boolean lineEnd = i + 1 == in.length || in[i + 1] == '\n';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd);
            int width = literal ? 1 : 3;
            // leave room for the soft break '=' unless this is the last char of the line
            if (col + width > (lineEnd ? 76 : 75)) {
                out.append('=').append('\n');
                col = 0;
            }
            if (literal) {
                out.append(b);
            } else {
                out.append('=').append(HEXU[b >> 4]).append(HEXU[b & 15]);
            }
            col += width;
        }
    }

    /** The body as a mail client's HTML: escaped, quoted lines inside a blockquote. */
    static String html(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() * 2 + 200);
        sb.append("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
                + "<body>\n");
        boolean inQuote = false;
        int start = 0;
        int len = text.length();
        while (start < len) {
            int end = start;
            while (end < len && text.charAt(end) != '\n') {
                end++;
            }
            boolean quoted = end > start && text.charAt(start) == '>';
            if (quoted != inQuote) {
                sb.append(quoted ? "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid;"
                        + "padding-left:1ex\">\n" : "</blockquote>\n");
                inQuote = quoted;
            }
            int from = quoted ? start + 1 : start;
            sb.append("<div>");
            if (from == end) {
                sb.append("<br>");
            }
            for (int i = from; i < end; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> sb.append("&amp;");
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    default -> sb.append(c);
                }
            }
            sb.append("</div>\n");
            start = end + 1;
        }
        if (inQuote) {
            sb.append("</blockquote>\n");
        }
        return sb.append("</body></html>\n").toString();
    }
}
