package org.patchlane.mail;

import jakarta.mail.internet.MailDateFormat;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date headers to instants: Angus's lenient {@link MailDateFormat} first, then patterns for the broken forms
 * archives hold (no day name, two-digit years, zone names, asctime order, ISO 8601, junk around). A zone that
 * cannot be read counts as +0000, as public-inbox's MsgTime does.
 */
public final class MailDates {
    /** Years outside this range are misparses (a two-digit year read as year 5, a time read as a year). */
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 2200;
    private static final ThreadLocal<MailDateFormat> FORMAT = ThreadLocal.withInitial(MailDateFormat::new);
    private static final Pattern DMY = Pattern.compile(
            "(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})[\\s,]+(\\d{1,2})[:.](\\d{1,2})"
                    + "(?:[:.](\\d{1,2}))?(?:\\.\\d+)?\\s*([+-]\\s?\\d{1,2}:?\\d{2}|[A-Za-z]{1,5}\\b)?");
    private static final Pattern ASCTIME = Pattern.compile(
            "([A-Za-z]{3})[A-Za-z]*\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?\\s+"
                    + "(?:([A-Za-z]{1,5}|[+-]\\d{4})\\s+)?(\\d{4})(?:\\s+([+-]\\d{4}))?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    /** A time followed by a zone MailDateFormat reads right: a numeric offset or an RFC 5322 zone name. */
    private static final Pattern RFC_ZONE = Pattern.compile(
            "\\d:\\d{2}(?::\\d{2})?\\s*(?:[+-](?:0\\d|1[0-4])[0-5]\\d|UT|GMT|[ECMP][SD]T)(?![A-Za-z])");
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0), Map.entry("WET", 0),
            Map.entry("EST", -500), Map.entry("EDT", -400), Map.entry("CST", -600), Map.entry("CDT", -500),
            Map.entry("MST", -700), Map.entry("MDT", -600), Map.entry("PST", -800), Map.entry("PDT", -700),
            Map.entry("BST", 100), Map.entry("WEST", 100), Map.entry("CET", 100), Map.entry("MET", 100),
            Map.entry("CEST", 200), Map.entry("MEST", 200), Map.entry("EET", 200), Map.entry("EEST", 300),
            Map.entry("MSK", 300), Map.entry("IST", 530), Map.entry("HKT", 800), Map.entry("SGT", 800),
            Map.entry("JST", 900), Map.entry("KST", 900), Map.entry("AEST", 1000), Map.entry("AEDT", 1100),
            Map.entry("NZST", 1200), Map.entry("NZDT", 1300));
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private MailDates() {
    }

    /** The instant a Date value names, or null when it names none. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) return null;
        String v = HeaderText.collapse(value);
        Instant angus = null;
        ParsePosition pos = new ParsePosition(0);
        Date d = FORMAT.get().parse(v, pos);
        if (d != null && pos.getErrorIndex() < 0 && sane(d.toInstant())) {
            angus = d.toInstant();
            if (RFC_ZONE.matcher(v).find()) return angus;
        }
        // MailDateFormat reads a zone name it does not know (CEST, IST) or a missing zone as +0000 without a word:
        // our patterns know more names; its answer stays the last resort.
        Instant i = dmy(v);
        if (i == null) i = asctime(v);
        if (i == null) i = iso(v);
        return i != null ? i : angus;
    }

    private static boolean sane(Instant i) {
        int year = i.atOffset(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year < MAX_YEAR;
    }

    private static Instant dmy(String v) {
        Matcher m = DMY.matcher(v);
        if (!m.find()) return null;
        int month = month(m.group(2));
        return month < 0 ? null : build(year(m.group(3)), month, m.group(1), m.group(4), m.group(5), m.group(6),
                m.group(7));
    }

    private static Instant asctime(String v) {
        Matcher m = ASCTIME.matcher(v);
        if (!m.find()) return null;
        int month = month(m.group(1));
        String zone = m.group(8) != null ? m.group(8) : m.group(6);
        return month < 0 ? null : build(Integer.parseInt(m.group(7)), month, m.group(2), m.group(3), m.group(4),
                m.group(5), zone);
    }

    private static Instant iso(String v) {
        Matcher m = ISO.matcher(v);
        if (!m.find()) return null;
        return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4), m.group(5),
                m.group(6), m.group(7));
    }

    /** RFC 5322 §4.3: a two-digit year below 50 is 20xx, else 19xx; three digits add 1900. */
    private static int year(String y) {
        int n = Integer.parseInt(y);
        if (y.length() == 2) return n < 50 ? 2000 + n : 1900 + n;
        if (y.length() == 3) return 1900 + n;
        return n;
    }

    private static int month(String name) {
        int i = MONTHS.indexOf(name.toLowerCase(Locale.ROOT));
        return i < 0 || i % 3 != 0 ? -1 : i / 3 + 1;
    }

    private static Instant build(int year, int month, String day, String hour, String min, String sec, String zone) {
        try {
            int s = sec == null ? 0 : Math.min(59, Integer.parseInt(sec)); // leap second 60
            LocalDateTime t = LocalDateTime.of(year, month, Integer.parseInt(day), Integer.parseInt(hour),
                    Integer.parseInt(min), s);
            Instant i = t.toInstant(offset(zone));
            return sane(i) ? i : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) return ZoneOffset.UTC;
        String z = zone.replace(" ", "").replace(":", "");
        if (z.startsWith("+") || z.startsWith("-")) {
            int hhmm = Integer.parseInt(z.substring(1));
            int minutes = hhmm / 100 * 60 + hhmm % 100;
            if (minutes > 18 * 60 || hhmm % 100 >= 60) return ZoneOffset.UTC; // bogus offset: public-inbox assumes +0000
            return ZoneOffset.ofTotalSeconds((z.charAt(0) == '-' ? -60 : 60) * minutes);
        }
        Integer hhmm = ZONES.get(z.toUpperCase(Locale.ROOT));
        if (hhmm == null) return ZoneOffset.UTC;
        int sign = hhmm < 0 ? -1 : 1;
        int abs = Math.abs(hhmm);
        return ZoneOffset.ofTotalSeconds(sign * (abs / 100 * 3600 + abs % 100 * 60));
    }
}
