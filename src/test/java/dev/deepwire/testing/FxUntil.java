package dev.deepwire.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.util.WaitForAsyncUtils;

/** Waits (20 s at most) until a condition, read on the JavaFX thread, holds: what is filled in the background. */
public final class FxUntil {
    private FxUntil() {
    }

    public static void holds(BooleanSupplier onFx) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(onFx::getAsBoolean).get());
    }
}
