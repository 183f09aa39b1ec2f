package dev.deepwire.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deepwire.limits.TrainingMemory;
import dev.deepwire.model.DatasetSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absurd sizes in dataset settings and hostile data files are refused with the limit, never OutOfMemoryError. */
class DataLimitsTest {
    @TempDir
    Path dir;

    @Test
    void hugeClassCountsAreRefusedBeforeAnyArray() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "1,2,0\n3,4,1\n");
        for (long classes : new long[] {100_000_000L, 2_000_000_000L}) {
            var spec = new DatasetSpec("csv", Map.of("file", "d.csv", "classes", (int) classes, "header", false));
            assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                    .hasMessageContaining("dataset.classes must be between 2 and 1,000,000");
        }
    }

    @Test
    void manyRowsTimesManyClassesIsRefusedWithTheSize() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            rows.append("1,").append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), rows);
        var spec = new DatasetSpec("csv", Map.of("file", "d.csv", "classes", 1_000_000, "header", false));
        assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("the labels would be").hasMessageContaining("the limit is");
    }

    @Test
    void aHugeSequenceLengthIsRefused() throws Exception {
        Files.writeString(dir.resolve("t.txt"), "ab\tx\ncd\ty\nef\tx\n");
        var spec = new DatasetSpec("text-classes", Map.of("file", "t.txt", "length", 100_000_000));
        assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("dataset.length must be between 1 and 100,000");
    }

    @Test
    void aDeviceAsDataFileIsRefusedNotRead() {
        for (String kind : new String[] {"csv", "text-classes", "triples"}) {
            var spec = new DatasetSpec(kind, Map.of("file", "/dev/zero", "classes", 2));
            assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).as(kind).isInstanceOf(DataException.class)
                    .hasMessageContaining("/dev/zero").hasMessageContaining("not a regular file");
        }
    }

    @Test
    void aByteOrderMarkIsNotGluedToTheFirstCell() throws Exception {
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFF1.5,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
        Dataset d = CsvDataset.read(f, -1, 2, false);
        assertThat(d.features()[0].getFloat(0, 0)).isEqualTo(1.5f);
        Path t = dir.resolve("bom.txt");
        Files.write(t, "\uFEFFhello\tgreeting\ttrain\nbye\tfarewell\tvalidation\n".getBytes(StandardCharsets.UTF_8));
        var splits = DatasetLoader.load(new DatasetSpec("text-classes", Map.of("file", "bom.txt", "tokens", "words")), dir);
        assertThat(splits.train().inputNames(0)).contains("hello").noneMatch(w -> w.contains("\uFEFF"));
    }

    @Test
    void aMarkerTaskTooLargeForMemoryIsRefused() {
        var spec = new DatasetSpec("marker", Map.of("length", 4096, "train", 4_000_000, "validation", 1000));
        assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                .hasMessageContaining("the limit is");
    }

    @Test
    void dataIsJudgedAgainstTheTrainingHeapNotTheHeapOfTheJvmThatChecks() throws Exception {
        // 2,000 rows × 10,000 classes = 20 million values (76 MB): within a third of this test JVM's heap, over a
        // third of a 128 MB training heap — validate (a JVM with a large heap) said valid, train refused
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            rows.append("1,").append(i % 2).append('\n');
        }
        Files.writeString(dir.resolve("d.csv"), rows);
        var spec = new DatasetSpec("csv", Map.of("file", "d.csv", "classes", 10_000, "header", false));
        String before = System.getProperty(TrainingMemory.HEAP_PROPERTY);
        try {
            System.setProperty(TrainingMemory.HEAP_PROPERTY, "4g");
            assertThat(DatasetLoader.load(spec, dir).train().size()).isGreaterThan(0);
            System.setProperty(TrainingMemory.HEAP_PROPERTY, "128m");
            assertThatThrownBy(() -> DatasetLoader.load(spec, dir)).isInstanceOf(DataException.class)
                    .hasMessageContaining("the labels would be")
                    .hasMessageContaining("JAVA_TOOL_OPTIONS=-Ddeepwire.trainingHeap=256m (it has 128m)");
        } finally {
            if (before == null) {
                System.clearProperty(TrainingMemory.HEAP_PROPERTY);
            } else {
                System.setProperty(TrainingMemory.HEAP_PROPERTY, before);
            }
        }
    }
}
