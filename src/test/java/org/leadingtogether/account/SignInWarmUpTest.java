package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the warm-up tells an operator about this machine's sign-ins, from the last password checks it timed. */
class SignInWarmUpTest {

    /**
     * The warm-up runs at the lowest priority while the compiler still works on the rest of the portal, so a check's
     * time from start to end says more about what else ran than about the check: at three starts of one jar on one
     * machine it gave 25.0, 21.7 and 32.0 ms. A check that waits (here, sleeps) for 300 ms costs no more than the CPU
     * it took.
     */
    @Test
    void aCheckIsTimedByTheCpuItTookNotByTheTimeItWaitedForACore() {
        double millis = SignInWarmUp.millisOnCore(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });

        assertTrue(millis < 100, "a check that waited 300 ms for a core was timed at " + millis + " ms");
    }

    @Test
    void theCpuACheckTakesIsCounted() {
        assertTrue(HashingFigures.cpuNow() >= 0, "this JVM tells a thread's CPU time, which the test needs");
        double millis = SignInWarmUp.millisOnCore(() -> {
            long until = HashingFigures.cpuNow() + 40_000_000L;
            while (HashingFigures.cpuNow() < until) {
                Thread.onSpinWait();
            }
        });

        assertTrue(millis >= 39, "a check that took 40 ms of CPU was timed at " + millis + " ms");
    }

    @Test
    void theCostIsTheMedianOfTheLastChecksSoOneSlowCheckDoesNotSkewIt() {
        double[] millis = {31, 29, 30, 400, 30, 28, 30, 29, 31, 30};

        String said = SignInWarmUp.capacity(millis, 1);

        assertTrue(said.startsWith("Password checks take 30.0 ms of CPU each here (the median of the last 10 at start, computed by "), said);
    }

    @Test
    void signInsAMinuteAreTheThreadsTimesAChecksRate() {
        double[] millis = {25, 25, 25, 25, 25, 25, 25, 25, 25, 25};

        assertTrue(SignInWarmUp.capacity(millis, 1).contains("so the 1 thread(s) checking them take at most about 2,400 sign-ins a minute"),
                SignInWarmUp.capacity(millis, 1));
        assertTrue(SignInWarmUp.capacity(millis, 3).contains("so the 3 thread(s) checking them take at most about 7,200 sign-ins a minute"),
                SignInWarmUp.capacity(millis, 3));
    }

    @Test
    void itSaysWhatHappensBeyondThatRateAndWhichSettingChangesIt() {
        String said = SignInWarmUp.capacity(new double[] {20, 21, 19, 20}, 2);

        assertTrue(said.startsWith("Password checks take 20.0 ms of CPU each here (the median of the last 4 at start, computed by "), said);
        assertTrue(said.contains("6,000 sign-ins a minute; a faster rush waits in line for them, up to 20 s each (SIGNIN_HASHING_THREADS"), said);
    }
}
