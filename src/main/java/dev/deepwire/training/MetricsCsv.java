package dev.deepwire.training;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}: a header, then a row every {@code logEvery} steps (training loss) and a
 * row per epoch (with validation loss and accuracy). Flushed per epoch so a crash keeps what was logged.
 */
public final class MetricsCsv implements TrainingListener, AutoCloseable {
    public static final String HEADER = "step,epoch,train_loss,val_loss,val_accuracy";
    private final BufferedWriter out;
    private final int logEvery;

    public MetricsCsv(Path file, int logEvery) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.logEvery = Math.max(1, logEvery);
        out.write(HEADER);
        out.newLine();
    }

    @Override
    public void onEvent(TrainingEvent event) {
        try {
            if (event instanceof TrainingEvent.StepCompleted s && s.step() % logEvery == 0) {
                out.write(String.format(Locale.ROOT, "%d,%d,%.6f,,%n", s.step(), s.epoch(), s.loss()));
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                out.write(String.format(Locale.ROOT, "%d,%d,%s,%.6f,%.6f%n", e.step(), e.epoch(),
                        Double.isNaN(e.trainLoss()) ? "" : String.format(Locale.ROOT, "%.6f", e.trainLoss()),
                        e.validationLoss(), e.validationAccuracy()));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
