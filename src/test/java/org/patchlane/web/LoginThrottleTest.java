package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failed logins per key: free ones, then a lock that doubles, forgotten after a quiet window. */
class LoginThrottleTest {
    /**
     * Each step is {@code f} (a failure), {@code s} (a success) or {@code +N} (N minutes pass); the expected
     * answer is the lock left after the steps, in seconds (0: may try).
     */
    @ParameterizedTest(name = "{0} -> {1} s")
    @CsvSource(delimiter = '|', value = {
            "f                          | 0",
            "f f f f                    | 0",
            "f f f f f                  | 60",
            "f f f f f +1               | 0",
            "f f f f f +1 f             | 120",
            "f f f f f +1 f +2 f        | 240",
            "f f f f f +1 f +2 f +4 f   | 480",
            // a lock never exceeds an hour
            "f f f f f f f f f f f f    | 3600",
            // a success forgets the account's failures
            "f f f f s f                | 0",
            // fifteen quiet minutes after the lock ran out forget the failures
            "f f f f f +17 f            | 0",
            "f f f f f +15 f            | 120",
            "f f f f +16 f              | 0",
            // failures spread within the window still add up
            "f +5 f +5 f +5 f +5 f      | 60",
            // a quiet window counted from the end of the lock, not the last failure
            "f f f f f +1 f +2 f +4 f +8 f +30 f | 1920",
            "f f f f f +1 f +2 f +4 f +8 f +32 f | 0",
            // keys are counted apart: another account's failures lock nothing here
            "f f f f other              | 0",
    })
    void lockAfterSteps(String steps, long seconds) {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (String step : steps.trim().split("\\s+")) {
            switch (step.charAt(0)) {
                case 'f' -> throttle.failed("account:alice");
                case 's' -> throttle.succeeded("account:alice");
                case 'o' -> throttle.failed("account:bob");
                case '+' -> clock.advance(Duration.ofMinutes(Long.parseLong(step.substring(1))));
                default -> throw new IllegalArgumentException(step);
            }
        }
        Optional<Duration> left = throttle.refused("account:alice");
        assertEquals(seconds, left.map(Duration::toSeconds).orElse(0L), steps);
    }

    @ParameterizedTest(name = "failure {0}: {1} s")
    @CsvSource({"5, 60", "6, 120", "7, 240", "8, 480", "9, 960", "10, 1920", "11, 3600", "40, 3600"})
    void lockGrows(int failures, long seconds) {
        assertEquals(seconds, LoginThrottle.lock(failures).toSeconds());
    }
}
