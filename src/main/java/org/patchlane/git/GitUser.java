package org.patchlane.git;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;

/** git's own idea of who the user is: {@code user.name} and {@code user.email} of the global (user) git config. */
public final class GitUser {
    private GitUser() {
    }

    /** {@code {name, email}}, or empty when either is unset or the config cannot be read. */
    public static Optional<String[]> configured() {
        try {
            StoredConfig c = SystemReader.getInstance().getUserConfig();
            String name = c.getString("user", null, "name");
            String email = c.getString("user", null, "email");
            if (name == null || name.isBlank() || email == null || email.isBlank()) return Optional.empty();
            return Optional.of(new String[] {name.strip(), email.strip()});
        } catch (IOException | ConfigInvalidException e) {
            return Optional.empty();
        }
    }
}
