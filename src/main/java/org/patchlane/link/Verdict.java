package org.patchlane.link;

/** A check's outcome. */
public enum Verdict {
    PASS("pass"),
    FAIL("fail"),
    /** The rule does not apply (a driver series has no posted-together check). */
    NOT_APPLICABLE("n/a");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
