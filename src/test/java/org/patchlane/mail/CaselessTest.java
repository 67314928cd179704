package org.patchlane.mail;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Caseless#contains} finds a word wherever a {@code (?i)} pattern of that word does, and says no elsewhere. */
class CaselessTest {
    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Supersedes: <a@b>                 | supersedes: | true
            supersedes: x@y                   | supersedes: | true
            SUPERSEDES:x@y                    | supersedes: | true
            text then sUpErSeDeS: at the end  | supersedes: | true
            supersedes without colon          | supersedes: | false
            supersede:                        | supersedes: | false
            s                                 | supersedes: | false
            the changes are available at      | available   | true
            The Following Changes Since Commit | changes since commit | true
            changes  since commit             | changes since commit | false
            found                             | found       | true
            FOUN                              | found       | false
            nothing at all                    | http        | false
            see HTTPS://lore.kernel.org/x     | http        | true
            """)
    void containsAsCaseInsensitiveRegex(String text, String word, boolean expected) {
        assertEquals(expected, Caseless.contains(text, word));
        assertEquals(Pattern.compile("(?i)" + Pattern.quote(word)).matcher(text).find(), Caseless.contains(text, word));
    }

    @ParameterizedTest
    @CsvSource({"'',''", "abc,''"})
    void theEmptyWordIsEverywhere(String text, String word) {
        assertTrue(Caseless.contains(text, word));
    }
}
