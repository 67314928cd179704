package org.patchlane.pull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A local mirror of remote repositories ({@code [repo] mirror = URL-PREFIX LOCAL-PATH}): a pull request's URL that
 * starts with the prefix is fetched from the local path plus the rest of the URL, so requests that name
 * {@code https://git.kernel.org/...} can be checked from a mirror (or, in the demo, from repositories made for it)
 * without the network.
 *
 * @param prefix the start of the URLs it mirrors, as the mails write them
 * @param local  the directory holding the same paths
 */
public record Mirror(String prefix, Path local) {
    public Mirror {
        if (prefix.isBlank()) throw new IllegalArgumentException("a mirror needs a URL prefix");
    }

    /** The local repository for {@code url} (a {@code file://} URL), or empty when the URL is not under the prefix. */
    public Optional<String> map(String url) {
        if (url == null || !url.startsWith(prefix)) return Optional.empty();
        String rest = url.substring(prefix.length());
        while (rest.startsWith("/")) rest = rest.substring(1);
        Path p = rest.isEmpty() ? local : local.resolve(rest).normalize();
        // "..": a URL must not reach outside the mirror
        if (!p.startsWith(local.normalize())) return Optional.empty();
        return Optional.of(p.toUri().toString());
    }
}
