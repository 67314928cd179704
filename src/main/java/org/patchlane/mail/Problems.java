package org.patchlane.mail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Collects the flags and human-readable problem texts found while parsing one message (writer side of Mail.flags). */
final class Problems {
    private final Set<MailFlag> flags = EnumSet.noneOf(MailFlag.class);
    private final List<String> texts = new ArrayList<>(2);

    void add(MailFlag flag, String text) {
        flags.add(flag);
        texts.add(text);
    }

    /** A problem worth telling that has no flag of its own (a cap hit, a header oddity). */
    void note(String text) {
        texts.add(text);
    }

    void flag(MailFlag flag) {
        flags.add(flag);
    }

    boolean has(MailFlag flag) {
        return flags.contains(flag);
    }

    Set<MailFlag> flags() {
        return flags;
    }

    List<String> texts() {
        return texts;
    }
}
