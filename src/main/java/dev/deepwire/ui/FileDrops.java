package dev.deepwire.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dragged in from outside: a project file dropped on a workbench window opens there (as File ▸ Open does, unsaved
 * work offered to be saved first), a data file dropped on Dataset Settings' File field fills it (as Browse… does).
 * Anything else dropped is answered in words, never opened.
 */
final class FileDrops {
    private FileDrops() {
    }

    /** Whether {@code f} names a data file the dataset kinds read: CSV, TSV or text, perhaps gzipped. */
    static boolean isData(Path f) {
        return f.getFileName() != null
                && f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".+\\.(csv|tsv|txt)(\\.gz)?");
    }

    static boolean isProject(Path f) {
        return f.getFileName() != null && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dwproj");
    }

    /** Projects dropped anywhere on {@code window}'s root open through {@code open}; other drops are said by {@code say}. */
    static void projects(Node window, Consumer<Path> open, Consumer<String> say) {
        window.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY); // refused ones are answered at the drop, not silently
                e.consume();
            }
        });
        window.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (!e.getDragboard().hasFiles()) {
                return;
            }
            List<File> files = e.getDragboard().getFiles();
            Path one = files.size() == 1 ? files.get(0).toPath() : null;
            boolean opens = one != null && isProject(one) && Files.isRegularFile(one);
            e.setDropCompleted(opens);
            e.consume();
            if (opens) {
                // after the drop has ended: the question about unsaved work is a window of its own
                Platform.runLater(() -> open.accept(one.toAbsolutePath()));
            } else {
                say.accept(refusal(files));
            }
        });
    }

    /** Why {@code files}, dropped on the window, open nothing. */
    static String refusal(List<File> files) {
        if (files.size() != 1) {
            return "Not opened: " + files.size() + " files dropped; drop one project file (.dwproj) at a time";
        }
        Path f = files.get(0).toPath();
        String name = dev.deepwire.limits.ShownName.line(f);
        if (Files.isDirectory(f)) {
            return "Not opened: " + name + " is a folder; drop a project file (.dwproj)";
        }
        if (isData(f)) {
            return "Not opened: " + name + " is a data file; open Edit ▸ Dataset Settings… and drop it on its File field";
        }
        if (isProject(f)) {
            return "Not opened: " + name + " is not a file that can be read";
        }
        return "Not opened: " + name + " is not a DeepWire project (.dwproj)";
    }

    /**
     * A data file dropped on {@code field} fills it as Browse… does (relative to {@code folder} when inside it); what
     * else is dropped there is refused, said by {@code say}.
     */
    static void dataFile(TextField field, Supplier<Path> folder, Consumer<String> say) {
        field.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        field.setOnDragDropped(e -> {
            if (!e.getDragboard().hasFiles()) {
                return;
            }
            List<File> files = e.getDragboard().getFiles();
            Path one = files.size() == 1 ? files.get(0).toPath().toAbsolutePath() : null;
            boolean fills = one != null && isData(one) && Files.isRegularFile(one);
            if (fills) {
                field.setText(shown(one, folder.get()));
                field.requestFocus();
                say.accept("");
            } else {
                say.accept(one == null ? "Not used: " + files.size() + " files dropped; drop one data file"
                        : "Not used: " + dev.deepwire.limits.ShownName.line(one) + (Files.isDirectory(one) ? " is a folder"
                        : isProject(one) ? " is a project; drop it on the main window to open it"
                        : " is not a data file (.csv, .tsv or .txt, perhaps .gz)"));
            }
            e.setDropCompleted(fills);
            e.consume();
        });
    }

    /** {@code p} as the File field holds it: relative to the project's folder when inside it, else whole. */
    static String shown(Path p, Path folder) {
        Path base = folder == null ? null : folder.toAbsolutePath();
        return base != null && p.startsWith(base) ? base.relativize(p).toString() : p.toString();
    }
}
