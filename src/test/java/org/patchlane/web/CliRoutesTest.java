package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which peers {@code /api/cli} answers: loopback literals only, never a name (it would be looked up). */
class CliRoutesTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "127.0.0.1, true",
            "127.1.2.3, true",
            "::1, true",
            "[::1], true",
            "0:0:0:0:0:0:0:1, true",
            "::ffff:127.0.0.1, true",
            "10.0.0.1, false",
            "192.168.1.20, false",
            "172.17.0.2, false",
            "fe80::1%eth0, false",
            "2001:db8::1, false",
            "0.0.0.0, false",
            "localhost, false",
            "evil.example, false",
            "'', false",
            "-, false"})
    void loopbackOnly(String address, boolean answered) {
        assertEquals(answered, CliRoutes.loopback(address), address);
    }

    /** The data directory's header is ASCII whatever the directory's name (a header is sent as Latin-1). */
    @ParameterizedTest
    @CsvSource({
            "/srv/patchlane/index, /srv/patchlane/index",
            "/home/a b/data_1.x~-, /home/a%20b/data_1.x~-",
            "/tmp/dé mo, /tmp/d%C3%A9%20mo",
            "/日本, /%E6%97%A5%E6%9C%AC",
            "'/a%b=c', '/a%25b%3Dc'"})
    void theDataHeaderIsAscii(String path, String header) {
        assertEquals(header, CliRoutes.encodedPath(path));
    }

    /** An answer the launcher could not hold in a shell string is refused (409), and the caller's JVM prints it. */
    @ParameterizedTest
    @CsvSource({"'', false", "abc, false", "'a\\0b', true", "'\\0', true", "'x\\n', false", "'é', false"})
    void anAnswerHoldingNulIsRefused(String escaped, boolean refused) {
        byte[] body = escaped.translateEscapes().getBytes(StandardCharsets.UTF_8);
        assertEquals(refused, CliRoutes.holdsNul(body), escaped);
    }
}
