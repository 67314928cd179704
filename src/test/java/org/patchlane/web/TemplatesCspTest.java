package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The templates stay within the Content-Security-Policy: no inline {@code <script>}, no {@code style=""}, no
 * {@code on*=""} handlers, no {@code javascript:} URLs, and no unescaped output ({@code $unsafe}).
 */
class TemplatesCspTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i)<script(?![^>]*\\bsrc=)|<style\\b|\\sstyle\\s*=|\\son[a-z]+\\s*=|javascript:|\\$unsafe");

    static Stream<Path> templates() throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(Path.of("web/templates"))) {
            all = s.filter(p -> p.toString().endsWith(".jte")).sorted().toList();
        }
        assertTrue(all.size() > 10, "the templates are where they should be");
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void noInlineScriptStyleOrHandlers(Path template) throws IOException {
        Matcher m = FORBIDDEN.matcher(Files.readString(template));
        assertTrue(!m.find(), () -> template + ": '" + m.group() + "' breaks the Content-Security-Policy or escaping");
    }
}
