package dev.deepwire.ui;

import dev.deepwire.model.Issue;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.DataCheck;
import dev.deepwire.ui.training.TrainingViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Connects a window's project, files and training: settings still being typed are kept before Save and close, the
 * project is not replaced while it trains, runs know the project's file, Train without data asks for it, and the
 * data is checked against the graph after each edit (mismatches are issues on the blocks).
 */
final class ProjectFlow {
    private ProjectFlow() {
    }

    static void connect(WorkbenchWindow window, Stage stage) {
        ProjectFiles files = window.files();
        var training = window.training();
        files.setCommitEdits(() -> {
            window.canvas().commitOpenEdits();
            window.inspector().commitOpenEdits();
            return window.trainingPanel().commit();
        });
        files.setTraining(() -> training.phaseProperty().get().busy());
        training.setProjectFile(files.fileProperty()::get);
        files.setOnSave(training::projectSaved);
        // consent to read data outside the folder: per project file, remembered in the user's settings (0016)
        training.data().setProject(files.fileProperty()::get,
                () -> files.fileProperty().get() == null && files.templateFolderProperty().get() == null);
        files.setAgreedData(training.data()::agreedWhileUnsaved, training.data()::restoredUnsaved);
        training.data().setChooser(() -> window.editDataset(stage));
        checkDataAfterEachEdit(window.editor(), training);
        showLastRunOnOpening(window.editor(), files, training);
        StatusMessages.connect(window.editor(), training, window.canvas(), window.root());
        OpenWindows.add(stage, files, training);
    }

    /**
     * A project opened from its file shows its newest kept run's curves as the charts' "previous run" (read in the
     * background): reopened after a restart, a trained lesson's charts were empty, its curves only in Runs…. So does
     * unsaved work of a saved file restored after a crash (the file already open at start: its name did not change, and
     * the charts stayed empty). Told by the files once the project is in and its file named ({@code setOnOpened}).
     */
    private static void showLastRunOnOpening(EditorViewModel vm, ProjectFiles files, TrainingViewModel training) {
        files.setOnOpened(() -> {
            var project = vm.project();
            training.runs().keptThen(kept -> { // their records and the newest one's curves, read off this thread
                try {
                    return kept.isEmpty() ? null : dev.deepwire.ui.training.RunHistory.curves(kept.get(0));
                } catch (java.io.IOException | RuntimeException e) {
                    return null; // no curves to show: the charts stay empty, Runs… says what is wrong with the run
                }
            }).thenAccept(curves -> Platform.runLater(() -> {
                if (curves != null && vm.project() == project
                        && training.phaseProperty().get() == dev.deepwire.training.RunState.IDLE) {
                    training.showPrevious(curves);
                }
            }));
        });
    }

    private static final Executor DATA_CHECKS = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deepwire-data-check");
        t.setDaemon(true);
        return t;
    });

    /**
     * Once the graph's own analysis of a revision shows no error, checks the data against it in the background and
     * adds what it finds to that analysis, so "no problems" means Train will start.
     */
    private static void checkDataAfterEachEdit(EditorViewModel vm,
                                               TrainingViewModel training) {
        DataCheck check = new DataCheck(vm.catalog());
        AtomicLong latest = new AtomicLong(-1);
        // Agreeing at Train to read data outside the folder: the badges had kept "it is read once you agree at Train"
        // and no mismatch, no quick fix, while Train failed on the mismatch.
        training.data().setOnOutsideAgreed(() -> Platform.runLater(vm::reanalyse));
        vm.analysisProperty().addListener((o, was, now) -> {
            if (now.complete() || now.revision() != vm.revisionProperty().get()
                    || now.issues().stream().anyMatch(Issue::isError)) {
                return;
            }
            long rev = now.revision();
            var graph = vm.graph().copy();
            var spec = vm.project().dataset();
            var settings = vm.project().training();
            Path folder = training.data().folder().get();
            boolean outsideAllowed = training.data().readableWithoutAsking(spec, folder);
            latest.set(rev);
            DATA_CHECKS.execute(() -> {
                if (latest.get() != rev) {
                    return; // edited again since: only the newest revision is checked
                }
                DataCheck.Result result;
                try {
                    result = check.check(graph, spec, settings, folder, outsideAllowed);
                } catch (RuntimeException | LinkageError e) {
                    result = new DataCheck.Result(List.of(Issue.warn(null,
                            "the data could not be checked against the graph: " + e.getMessage())), List.of());
                }
                var found = result;
                Platform.runLater(() -> vm.addIssues(rev, found.issues(), found.fixes()));
            });
        });
    }
}
