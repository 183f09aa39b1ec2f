package dev.deepwire.training;

import dev.deepwire.io.WriteFailure;
import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.limits.Limits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv}, the one layout of a run's curves, written here as a run goes and read back here: a header,
 * then a training row every {@code logEvery} steps ({@code step,epoch,train_loss,,,}), an epoch row per epoch
 * ({@code step,epoch,[epoch's train_loss],val_loss,val_accuracy,}) and, for a run that selects on a knowledge graph's
 * validation filtered MRR, a ranking row after it ({@code step,epoch,,,,val_mrr}). Flushed per epoch so a crash keeps
 * what was logged. Files of five columns (before the MRR column) are read as well. The workbench's curve export
 * writes the same layout ({@link #trainingRow}, {@link #epochRow}, {@link #rankingRow}).
 */
public final class MetricsCsv implements TrainingListener, AutoCloseable {
    public static final String HEADER = "step,epoch,train_loss,val_loss,val_accuracy,val_mrr";
    private final Path file;

    /**
     * One row as read back: the losses, accuracy and MRR are NaN where the row has none; {@code epochEnd} marks the
     * rows written at an epoch's end (validation columns filled); a ranking row has only its MRR.
     */
    public record Row(long step, int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                      boolean epochEnd, double validationMrr) {
        /** A row of a training or epoch's figures (no MRR). */
        public Row(long step, int epoch, double trainLoss, double validationLoss, double validationAccuracy,
                   boolean epochEnd) {
            this(step, epoch, trainLoss, validationLoss, validationAccuracy, epochEnd, Double.NaN);
        }
    }

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
                out.write(trainingRow(s.step(), s.epoch(), s.loss()));
                out.newLine();
            } else if (event instanceof TrainingEvent.EpochCompleted e) {
                out.write(epochRow(e.step(), e.epoch(), e.trainLoss(), e.validationLoss(), e.validationAccuracy()));
                out.newLine();
                out.flush();
            } else if (event instanceof TrainingEvent.SelectionMeasured m && m.figure().equals(TrainingEvent.SelectionMeasured.MRR)) {
                out.write(rankingRow(m.step(), m.epoch(), m.value()));
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            WriteFailure failure = new WriteFailure(file, e);
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
    }

    /** A training row, without its line end. */
    public static String trainingRow(long step, int epoch, double loss) {
        return String.format(Locale.ROOT, "%d,%d,%.6f,,,", step, epoch, loss);
    }

    /** A ranking row (the epoch's validation filtered MRR), without its line end. */
    public static String rankingRow(long step, int epoch, double mrr) {
        return String.format(Locale.ROOT, "%d,%d,,,,%.6f", step, epoch, mrr);
    }

    /** An epoch row, without its line end; a NaN training loss (none measured) is left empty. */
    public static String epochRow(long step, int epoch, double trainLoss, double validationLoss, double validationAccuracy) {
        return String.format(Locale.ROOT, "%d,%d,%s,%.6f,%.6f,", step, epoch,
                Double.isNaN(trainLoss) ? "" : String.format(Locale.ROOT, "%.6f", trainLoss), validationLoss,
                validationAccuracy);
    }

    /**
     * The rows of a {@code metrics.csv}; a last line that is not a whole row (a crash mid-write) and blank lines are
     * skipped. Any other line that is not a row (text, another number of columns: a file edited by hand) is refused
     * with its number: such lines had been dropped without a word, and a finished run read as one that "stopped or
     * failed before an epoch ended"; so is a row whose validation accuracy or MRR lies outside 0–1, with its column.
     *
     * @throws IOException when the file cannot be read, is over the limits, or has a line that is not a row
     */
    public static List<Row> read(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            // a run writes it as a new file, never a link: a run folder from elsewhere (a downloaded project's runs/)
            // with metrics.csv -> /etc/passwd had its second line quoted in the Compare dialog as "not a row"
            throw new IOException(file + " is a symbolic link, not a run's metrics");
        }
        List<Row> rows = new ArrayList<>();
        try (var in = BoundedFiles.lines(BoundedFiles.open(file, Limits.METRICS_FILE_BYTES, "metrics file"), file,
                Limits.LINE_CHARS)) {
            in.readLine(); // the header
            String pending = null; // a line that is not a row: refused unless it is the last (torn by a crash)
            int pendingAt = 0;
            int at = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                at++;
                if (line.isBlank()) {
                    continue;
                }
                if (pending != null) {
                    throw new IOException("line " + pendingAt + " of " + file + " is not a row of " + HEADER + ": '"
                            + (pending.length() > 60 ? pending.substring(0, 60) + "…" : pending) + "'");
                }
                Row row = row(line);
                if (row != null) {
                    rows.add(inRange(row, file, at));
                } else {
                    pending = line;
                    pendingAt = at;
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // it had said "Input length = 1", naming neither the file nor the trouble
            throw new IOException(file + " is not UTF-8 text, so not a run's metrics (the file was edited or damaged)", e);
        }
        return rows;
    }

    /**
     * {@code row}, or an IOException naming the file, the line and the column where an accuracy or an MRR lies outside
     * 0–1: a run never writes one (a torn last line cannot make one either), so the file was edited by hand or damaged,
     * and a curve of 1.7 "accuracy" had been drawn as it was.
     */
    private static Row inRange(Row row, Path file, int at) throws IOException {
        String column = outsideZeroToOne(row.validationAccuracy()) ? "val_accuracy"
                : outsideZeroToOne(row.validationMrr()) ? "val_mrr" : null;
        if (column != null) {
            double v = column.equals("val_mrr") ? row.validationMrr() : row.validationAccuracy();
            throw new IOException("line " + at + " of " + file + ", column " + column + ": " + v
                    + " is not a fraction from 0 to 1 (the file was edited by hand or is damaged)");
        }
        return row;
    }

    private static boolean outsideZeroToOne(double v) {
        return !Double.isNaN(v) && !(v >= 0 && v <= 1);
    }

    /** One line as a row, or null where it is not one (five columns: written before the MRR column). */
    private static Row row(String line) {
        String[] c = line.split(",", -1);
        if (c.length != 5 && c.length != 6) {
            return null;
        }
        try {
            return new Row(Long.parseLong(c[0].strip()), Integer.parseInt(c[1].strip()), number(c[2]), number(c[3]),
                    number(c[4]), !c[4].isBlank(), c.length == 6 ? number(c[5]) : Double.NaN);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double number(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s);
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
