package org.patchlane;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing tool skips a test on a developer's machine and fails it under CI, where a skip would hide it. */
class RequiredTest {
    @Test
    void presentRequirementPassesEverywhere() {
        assertDoesNotThrow(() -> Required.that(true, "b4", true));
        assertDoesNotThrow(() -> Required.that(true, "b4", false));
    }

    @Test
    void missingRequirementSkipsOutsideCi() {
        assertThrows(TestAbortedException.class, () -> Required.that(false, "b4 is not on PATH", false));
    }

    @Test
    void missingRequirementFailsUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Required.that(false, "b4 is not on PATH", true));
        assertTrue(e.getMessage().startsWith("b4 is not on PATH"), e.getMessage());
    }
}
