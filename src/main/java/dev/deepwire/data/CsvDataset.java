package dev.deepwire.data;

import dev.deepwire.limits.BoundedFiles;
import dev.deepwire.limits.Limits;
import dev.deepwire.limits.LineReader;
import dev.deepwire.model.DatasetSpec;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A CSV file of numeric features with one integer class label per row. A bad row (wrong number of
 * columns, a value that is not a number, a label out of range) is refused with the file, line and
 * column, and what to do about it.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    /**
     * Reads {@code dataset.file} (relative to the project folder): {@code labelColumn} (default: last),
     * {@code classes}, {@code header} (default true), {@code validationFraction} (default 0.1), {@code seed}.
     */
    public static DatasetSplits load(DatasetSpec spec, Path projectDir) throws DataException {
        checkSettings(spec);
        String name = (String) spec.params().get("file");
        int classes = spec.intParam("classes", 0);
        Dataset all = read(projectDir.resolve(name), spec.intParam("labelColumn", -1), classes, spec.boolParam("header", true));
        double fraction = spec.doubleParam("validationFraction", DataSizes.VALIDATION_FRACTION);
        int validation = Math.max(1, (int) Math.round(all.size() * fraction));
        if (validation >= all.size()) {
            // at 0.999 the fault is the share, not the file: say which (it had blamed 120 rows for being too few)
            throw new DataException(all.size() < 2 ? name + " has only " + all.size() + " row: too few to hold out "
                    + "validation examples and train on the rest"
                    : String.format(java.util.Locale.ROOT, "dataset.validationFraction %s holds out all %d rows of %s and "
                    + "leaves none to train on; use a smaller share, such as 0.1", fraction, all.size(), name));
        }
        Dataset shuffled = all.shuffled(new Random(spec.longParam("seed", DataSizes.SEED)));
        return new DatasetSplits(shuffled.range(validation, shuffled.size()), shuffled.range(0, validation), null);
    }

    /** The settings as a person typed them, checked before the file is read ({@link DatasetLoader#settingProblem}). */
    static void checkSettings(DatasetSpec spec) throws DataException {
        int classes = spec.intParam("classes", 0);
        if (classes < 2) {
            throw new DataException("dataset.classes must be 2 or more (the number of label values); got " + classes);
        }
        DataSizes.setting("classes", classes, 2, Limits.CLASSES);
        int labelColumn = spec.intParam("labelColumn", -1);
        if (labelColumn < -1) {
            throw new DataException("dataset.labelColumn must be a column number from 0, or -1 for the last column; got "
                    + labelColumn);
        }
        spec.boolParam("header", true);
        DataSizes.fractionSeedAndFile(spec, "CSV file");
    }

    public static Dataset read(Path file, int labelColumn, int classes, boolean header) throws DataException {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int columns = -1;
        int firstDataLine = 0;
        String name = file.getFileName().toString();
        try (LineReader in = BoundedFiles.lines(BoundedFiles.openMaybeGzip(file, Limits.DATA_FILE_BYTES, "data file"), file,
                Limits.LINE_CHARS)) {
            CsvRecords records = new CsvRecords(in, name);
            List<String> record;
            int named = -1; // the header's names
            while ((record = records.next()) != null) {
                int lineNo = records.lineNumber();
                if (header && lineNo == 1) {
                    named = record.isEmpty() ? -1 : record.size();
                    continue;
                }
                if (record.isEmpty()) {
                    continue;
                }
                String[] cells = record.toArray(new String[0]);
                if (columns < 0) {
                    columns = cells.length;
                    firstDataLine = lineNo;
                    if (named >= 0 && named != columns) {
                        // six names over rows of five had been read without a word: which column is the label?
                        throw new DataException(name + " line 1 (its header) names " + named + " columns but line " + lineNo
                                + " has " + columns + "; fix the header, or set dataset.header to false if line 1 is data");
                    }
                    if (columns < 2) {
                        // a spreadsheet's "CSV" in a locale that writes ';', or a tab-separated export: say which
                        String other = cells[0].indexOf(';') >= 0 ? "semicolons (;)" : cells[0].indexOf('\t') >= 0
                                ? "tabs" : null;
                        throw new DataException(name + " line " + lineNo + ": a row needs at least one feature and a label, "
                                + "separated by commas" + (other == null ? "" : "; its cells are separated by " + other
                                + ": save the file as comma-separated CSV"));
                    }
                    DataSizes.array(name, "the labels", 1, classes);
                } else if (cells.length != columns) {
                    throw new DataException(name + " line " + lineNo + ": expected " + columns + " columns like line "
                            + firstDataLine + " but found " + cells.length + "; fix the row or remove it");
                }
                int labelAt = labelColumn < 0 ? columns - 1 : labelColumn;
                if (labelAt >= columns) {
                    throw new DataException("dataset.labelColumn " + labelColumn + " is past the last column of " + name
                            + " (" + columns + " columns, counted from 0)");
                }
                float[] features = new float[columns - 1];
                int f = 0;
                for (int c = 0; c < columns; c++) {
                    String cell = cells[c].strip(); // spaces only: a NUL or other control character is not dropped unseen
                    if (c == labelAt) {
                        labels.add(label(cell, classes, name, lineNo, c));
                    } else {
                        features[f++] = number(cell, name, lineNo, c);
                    }
                }
                rows.add(features);
                if (rows.size() > Limits.EXAMPLES) {
                    throw new DataException(name + " has more than " + String.format("%,d", Limits.EXAMPLES)
                            + " rows (at line " + lineNo + "), DeepWire's limit; use a sample of it");
                }
                if ((rows.size() & 1023) == 0) {
                    DataSizes.array(name, "the features", rows.size(), columns);
                    DataSizes.array(name, "the labels", rows.size(), classes);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataException(name + " was not found at " + file.toAbsolutePath() + "; check dataset.file");
        } catch (CharacterCodingException e) {
            throw new DataException(name + " is not UTF-8 text; save it as a plain CSV file");
        } catch (IOException e) {
            throw DataLines.problem(file, e);
        }
        if (rows.isEmpty()) {
            throw new DataException(name + " has no data rows" + (header ? " below its header" : "")
                    + "; add rows of comma-separated numbers with a label");
        }
        DataSizes.array(name, "the labels", rows.size(), classes);
        float[][] x = rows.toArray(new float[0][]);
        float[][] y = new float[rows.size()][classes];
        for (int i = 0; i < labels.size(); i++) {
            y[i][labels.get(i)] = 1f;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(String.valueOf(c));
        }
        return new Dataset(new INDArray[] {Nd4j.createFromArray(x)}, null, new INDArray[] {Nd4j.createFromArray(y)}, names);
    }

    /**
     * A warning when line 1, read as the header, holds only numbers: most likely the first example, left out of the
     * data without a word (digits.csv.gz, rows of 64 pixels and a label, lost its first digit to the dialog's Header,
     * ticked for a new CSV). Read only once the file has loaded (its folder allowed); nothing when it cannot be read.
     */
    static List<String> headerWarnings(DatasetSpec spec, Path projectDir) {
        try {
            if (!(spec.params().get("file") instanceof String name) || name.isBlank() || !spec.boolParam("header", true)) {
                return List.of();
            }
            Path file = projectDir.resolve(name);
            try (LineReader in = BoundedFiles.lines(BoundedFiles.openMaybeGzip(file, Limits.DATA_FILE_BYTES, "data file"),
                    file, Limits.LINE_CHARS)) {
                List<String> first = new CsvRecords(in, file.getFileName().toString()).next();
                if (first == null || first.isEmpty()) {
                    return List.of();
                }
                for (String cell : first) {
                    DataLines.decimal(cell.strip()); // a name: not a number, and line 1 is a header
                }
                return List.of("dataset.header: line 1 of " + file.getFileName() + " holds only numbers, yet it is read "
                        + "as the header (the columns' names) and left out of the data; set dataset.header to false if "
                        + "it is the first example");
            }
        } catch (IOException | DataException | RuntimeException e) {
            return List.of();
        }
    }

    private static float number(String cell, String file, int line, int column) throws DataException {
        try {
            return DataLines.decimal(cell);
        } catch (NumberFormatException e) {
            throw new DataException(file + " line " + line + ", column " + (column + 1) + ": '"
                    + dev.deepwire.limits.VisibleText.of(cell) + "' is not a finite decimal number; fix or remove the row");
        }
    }

    private static int label(String cell, int classes, String file, int line, int column) throws DataException {
        Integer parsed;
        try {
            parsed = Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            parsed = wholeDecimal(cell); // '1.0', '1.000000000000000000e+00' as numpy's savetxt and pandas write labels
        }
        if (parsed == null) {
            throw new DataException(file + " line " + line + ", column " + (column + 1) + ": label '"
                    + dev.deepwire.limits.VisibleText.of(cell) + "' is not a whole number; labels are class numbers 0.." + (classes - 1));
        }
        int v = parsed;
        if (v < 0 || v >= classes) {
            throw new DataException(file + " line " + line + ", column " + (column + 1) + ": label " + v
                    + " is out of range 0.." + (classes - 1) + (v < 0 ? "; labels are class numbers from 0: fix the row"
                    : "; fix the row or set dataset.classes to at least " + (v + 1)));
        }
        return v;
    }

    /** A decimal with a whole value ({@code 2.0}, {@code 2e0}) as that number; null otherwise. */
    private static Integer wholeDecimal(String cell) {
        try {
            double d = dev.deepwire.model.Decimals.parse(cell);
            return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? Integer.valueOf((int) d) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
