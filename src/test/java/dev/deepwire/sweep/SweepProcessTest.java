package dev.deepwire.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SweepProcessTest {
    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "starts the POSIX 'sleep' as the parent that goes away")
    void aSweepProcessLeavesAsSoonAsTheSweepThatStartedItIsGone() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        try {
            CountDownLatch exited = new CountDownLatch(1);
            SweepProcess.exitWhenGone(parent.toHandle(), exited::countDown);
            assertThat(exited.await(300, TimeUnit.MILLISECONDS)).as("left while its sweep still ran").isFalse();

            parent.destroyForcibly(); // as kill -9 of the sweep, or the workbench closing

            assertThat(exited.await(20, TimeUnit.SECONDS)).as("left once its sweep was gone").isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }
}
