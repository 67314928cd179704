package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.patchlane.git.ConfigFile;
import org.patchlane.git.GitUser;
import org.patchlane.mail.Address;

/**
 * Who records a decision: {@code --as NAME} matched to {@code [user "NAME"] email = ...} in the configuration, else
 * git's {@code user.name}/{@code user.email}, else a usage error saying how to set one.
 */
final class Maintainer {
    private Maintainer() {
    }

    static Address resolve(String as, ConfigOptions config, Path data) throws IOException {
        if (as != null) {
            ConfigFile c = config.load(data);
            for (String name : c.subsections("user")) {
                if (name.equalsIgnoreCase(as.strip())) {
                    String email = c.string("user", name, "email");
                    if (email == null || email.isBlank()) {
                        throw new IllegalArgumentException("[user \"" + name + "\"] in the configuration has no email");
                    }
                    return new Address(name, email.strip());
                }
            }
            throw new IllegalArgumentException("no [user \"" + as + "\"] in the configuration (" + ConfigOptions.NAME
                    + "); add one:\n  [user \"" + as + "\"]\n  \temail = you@example.org");
        }
        Optional<String[]> git = GitUser.configured();
        if (git.isPresent()) return new Address(git.get()[0], git.get()[1]);
        throw new IllegalArgumentException("who is deciding? pass --as NAME with [user \"NAME\"] email = ... in "
                + ConfigOptions.NAME + ", or set git config --global user.name and user.email");
    }
}
