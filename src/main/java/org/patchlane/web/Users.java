package org.patchlane.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.patchlane.git.ConfigFile;

/**
 * The maintainers who may log in, from the configuration's {@code [user "NAME"]} sections ({@code email},
 * {@code passwordHash}: a bcrypt hash made by {@code patchlane user add}).
 */
public final class Users {
    public static final String SECTION = "user";
    /** User names: what fits in a URL, a cookie and a log line without quoting. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final Users NONE = new Users(Map.of(), Map.of());

    private final Map<String, User> byName;
    private final Map<String, String> hashes;

    private Users(Map<String, User> byName, Map<String, String> hashes) {
        this.byName = byName;
        this.hashes = hashes;
    }

    /** @throws IllegalArgumentException for a section with a bad name, no email or no bcrypt hash */
    public static Users of(ConfigFile config) {
        Map<String, User> byName = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String name : config.subsections(SECTION)) {
            String where = "[user \"" + name + "\"]";
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": a user name is letters, digits, '.', '_' and '-'");
            }
            String email = config.string(SECTION, name, "email");
            if (email == null || email.isBlank()) throw new IllegalArgumentException(where + ": no email");
            String hash = config.string(SECTION, name, "passwordHash");
            if (!Passwords.isHash(hash)) {
                throw new IllegalArgumentException(where + ": passwordHash is not a bcrypt hash (run 'patchlane user add "
                        + name + " --replace')");
            }
            byName.put(name, new User(name, email.strip()));
            hashes.put(name, hash);
        }
        return new Users(Map.copyOf(byName), Map.copyOf(hashes));
    }

    public List<User> all() {
        return byName.values().stream().sorted(java.util.Comparator.comparing(User::name)).toList();
    }

    /**
     * The user a login names (by user name, or email ignoring case) when the password matches. An unknown name
     * costs the same time as a wrong password, so the timing does not tell which names exist.
     */
    public Optional<User> verify(String login, String password) {
        Optional<User> user = find(login);
        if (user.isEmpty()) {
            Passwords.waste(password);
            return Optional.empty();
        }
        return Passwords.matches(password, hashes.get(user.get().name())) ? user : Optional.empty();
    }

    private Optional<User> find(String login) {
        String l = login.strip();
        User u = byName.get(l);
        if (u != null) return Optional.of(u);
        return byName.values().stream().filter(x -> x.email().toLowerCase(Locale.ROOT).equals(l.toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
