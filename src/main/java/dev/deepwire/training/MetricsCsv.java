package dev.deepwire.training;

import dev.deepwire.io.WriteFailure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Writes {@code metrics.csv}: a header, then a row every {@code logEvery} steps (training loss) and a
 * row per epoch (with validation loss and accuracy). Flushed per epoch so a crash keeps what was logged.
 */
public final class MetricsCsv implements TrainingListener, AutoCloseable {
    public static final String HEADER = "step,epoch,train_loss,val_loss,val_accuracy";
    private final Path file;
    private final BufferedWriter out;
    private final int logEvery;

    /**
     * Creates the file, which must not exist yet: a run never writes into another run's metrics, nor through a
     * symbolic link that stands where its metrics go.
     *
     * @throws WriteFailure when the file exists (as anything) or cannot be created
     */
    public MetricsCsv(Path file, int logEvery) throws IOException {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), StandardCharsets.UTF_8));
            out.write(HEADER);
            out.newLine();
        } catch (FileAlreadyExistsException e) {
            throw new WriteFailure(file, "it already exists (an earlier run's metrics, or a link); "
                    + "a run writes only into a new file");
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
        this.logEvery = Math.max(1, logEvery);
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
            WriteFailure failure = new WriteFailure(file, e);
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw WriteFailure.of(file, e);
        }
    }
}
