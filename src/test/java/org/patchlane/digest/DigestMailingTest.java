package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.git.ConfigFile;

/** {@code [smtp]}, {@code [digest]} and {@code [web] url} as the configuration file writes them. */
class DigestMailingTest {
    @TempDir
    Path dir;

    private ConfigFile conf(String text) throws Exception {
        return ConfigFile.read(Files.writeString(Files.createTempFile(dir, "c", ".conf"), text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "mon 07:00|MONDAY|07:00|2026-11-23T07:00:00Z",
            "Mon 7:00|MONDAY|07:00|2026-11-23T07:00:00Z",
            "monday 07:30|MONDAY|07:30|2026-11-23T07:30:00Z",
            "fri 17:45|FRIDAY|17:45|2026-11-27T17:45:00Z",
            "sun 00:00|SUNDAY|00:00|2026-11-29T00:00:00Z",
            "  tue   23:59 |TUESDAY|23:59|2026-11-24T23:59:00Z"})
    void schedules(String text, DayOfWeek day, LocalTime time, Instant dueForWeek47) {
        DigestSchedule s = DigestSchedule.parse(text);
        assertEquals(new DigestSchedule(day, time), s);
        assertEquals(dueForWeek47, s.due(Period.isoWeek("2026-W47")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"mon", "07:00", "moon 07:00", "mon 25:00", "mon 07:61", "xyz 07:00",
            "mondays 07:00", "mon 07:00 utc"})
    void badSchedulesAreRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DigestSchedule.parse(text));
        assertTrue(e.getMessage().startsWith("[digest] schedule"), e.getMessage());
    }

    @Test
    void theDefaultsAndTheDigestSection() throws Exception {
        assertEquals(DigestSchedule.DEFAULT, DigestSchedule.parse(null));
        DigestMailing d = DigestMailing.of(conf("[digest]\n\tto = a@example.org, Bee <b@example.org>\n"
                + "\tto = c@example.org\n"));
        assertEquals(3, d.to().size());
        assertEquals("Bee <b@example.org>", d.to().get(1).toString());
        assertNull(d.list());
        assertEquals(DigestSchedule.DEFAULT, d.schedule());
        assertThrows(IllegalArgumentException.class, () -> DigestMailing.of(conf("[digest]\n\tlist = x\n")));
        assertThrows(IllegalArgumentException.class, () -> DigestMailing.of(conf("[digest]\n\tto = not an address\n")));
    }

    @Test
    void smtpDefaultsToStarttlsOn587() throws Exception {
        SmtpSettings s = SmtpSettings.of(conf("[smtp]\n\thost = smtp.example.org\n\tfrom = p@example.org\n"), Map.of());
        assertEquals(587, s.port());
        assertEquals(SmtpSettings.Security.STARTTLS, s.security());
        assertNull(s.user());
        assertNull(s.password(), "no user, no login");
        assertEquals(SmtpSettings.Security.TLS, SmtpSettings.of(conf("[smtp]\n\thost = h\n\tfrom = p@example.org\n"
                + "\tsecurity = TLS\n\tport = 465\n"), Map.of()).security());
        for (String bad : new String[] {"\tsecurity = ssl\n", "\tport = 0\n", "\tfrom = \n"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> SmtpSettings.of(conf("[smtp]\n\thost = h\n\tfrom = p@example.org\n" + bad), Map.of()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SmtpSettings.of(conf("[smtp]\n\tfrom = p@example.org\n"),
                Map.of()), "no host");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|http://127.0.0.1:7070",
            "https://patchlane.example.org|https://patchlane.example.org",
            "https://patchlane.example.org/|https://patchlane.example.org",
            "https://example.org/patchlane/|https://example.org/patchlane"})
    void theSiteAddress(String url, String base) throws Exception {
        DigestLinks links = DigestLinks.of(conf(url == null ? "" : "[web]\n\turl = " + url + "\n"));
        assertEquals(base, links.base());
        assertEquals(base + "/series/8d107a81e5c7", links.series("8d107a81e5c7"));
        assertEquals(base + "/all/a%2Fb%40c/", links.message("a/b@c"));
    }

    @Test
    void aSiteAddressThatIsNoUrlIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> DigestLinks.of(conf("[web]\n\turl = javascript:alert(1)\n")));
        assertThrows(IllegalArgumentException.class, () -> DigestLinks.of(conf("[web]\n\turl = example.org\n")));
    }
}
