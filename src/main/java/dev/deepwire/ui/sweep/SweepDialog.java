package dev.deepwire.ui.sweep;

import dev.deepwire.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Sweep… window: a row per varied setting (chosen from the project's training settings and block parameters,
 * values typed as a comma list), seeds, runs at once and a step limit; the number of runs before starting; then each
 * run's status and figure, the progress, and Cancel. It only binds to its {@link SweepViewModel}, which decides.
 */
public final class SweepDialog {
    private final SweepViewModel vm;
    private final Window owner;
    private Stage stage;
    /** The project (the window's, when this was made) whose spec is typed here. */
    private Project madeFor;
    private final GridPane rows = new GridPane();

    public SweepDialog(SweepViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
    }

    /**
     * Shows the Sweep… window of a workbench window: the project in it and its file (null while unsaved), read
     * when a sweep starts. Data outside the project's folder is read once {@code dataConsent} agrees (null: refused);
     * the spec typed is remembered for the project's file in {@code memory}, and comes back when the window is made
     * for it again.
     */
    public static void showFor(Window owner, Supplier<Project> project, Supplier<Path> projectFile,
                               java.util.function.BiFunction<dev.deepwire.model.DatasetSpec, Path, String> dataConsent,
                               SweepSpecMemory memory) {
        // kept in the workbench window's own properties: it lives as long as that window (and reopens with the last spec,
        // which memory keeps for the project's file after the window is gone)
        // ... for the project it was typed for: another project opened in the window since starts with a fresh spec (the
        // earlier one's rows had come back, naming blocks this project does not have), unless its sweep still runs
        Object earlier = owner.getProperties().get(SweepDialog.class);
        if (earlier instanceof SweepDialog d && d.madeFor != project.get() && !d.vm.runningProperty().get()) {
            if (d.stage != null) {
                d.stage.close();
            }
            owner.getProperties().remove(SweepDialog.class);
        }
        Object kept = owner.getProperties().computeIfAbsent(SweepDialog.class, k -> {
            SweepViewModel vm = new SweepViewModel(project, projectFile, Platform::runLater);
            if (dataConsent != null) {
                vm.setDataConsent(dataConsent);
            }
            memory.keep(vm, projectFile);
            SweepDialog d = new SweepDialog(vm, owner);
            d.madeFor = project.get();
            return d;
        });
        ((SweepDialog) kept).show();
    }

    /** What closing {@code owner} would stop: its Sweep… window's running sweep, in words; null when none runs. */
    public static String runningIn(Window owner) {
        return owner.getProperties().get(SweepDialog.class) instanceof SweepDialog d ? d.vm.whatClosingStops() : null;
    }

    /** Cancels {@code owner}'s running sweep, if one runs (its finished runs are kept). */
    public static void cancelIn(Window owner) {
        if (owner.getProperties().get(SweepDialog.class) instanceof SweepDialog d && d.vm.runningProperty().get()) {
            d.vm.cancel();
        }
    }

    /** Shows the window (in front, if it is already open), with the spec last typed. */
    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Sweep");
            stage.setScene(dev.deepwire.ui.controls.WindowSizes.scene(content(), 820, 560));
            if (owner != null && owner.getScene() != null) {
                stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
                if (owner.getScene().getRoot() != null) {
                    stage.getScene().getRoot().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
                }
            }
        }
        if (!vm.runningProperty().get()) {
            rebuildRows(); // the project in the window may have changed: its blocks are the keys offered
        }
        vm.replan();
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    SweepViewModel viewModel() {
        return vm;
    }

    private Region content() {
        rows.setHgap(8);
        rows.setVgap(6);
        rows.setId("sweep-params");
        vm.params().addListener((javafx.collections.ListChangeListener<SweepViewModel.ParamRow>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved();
            }
            if (structural) {
                rebuildRows();
            }
        });
        rebuildRows();
        Button add = new Button("Add setting");
        add.setId("sweep-add");
        add.setOnAction(e -> vm.params().add(new SweepViewModel.ParamRow()));
        add.disableProperty().bind(vm.runningProperty());

        Spinner<Integer> seeds = new Spinner<>(1, 1000, vm.seedsProperty().get());
        seeds.setId("sweep-seeds");
        seeds.setEditable(true);
        seeds.setPrefWidth(90);
        dev.deepwire.ui.controls.Spinners.wholeNumbers(seeds, 4); // up to 4 digits, letters never typed
        seeds.getValueFactory().valueProperty().addListener((o, a, b) -> vm.seedsProperty().set(b == null ? 1 : b));
        Spinner<Integer> parallel = new Spinner<>(1, 256, vm.parallelProperty().get());
        parallel.setId("sweep-parallel");
        parallel.setEditable(true);
        parallel.setPrefWidth(90);
        dev.deepwire.ui.controls.Spinners.wholeNumbers(parallel, 4);
        parallel.getValueFactory().valueProperty().addListener((o, a, b) -> vm.parallelProperty().set(b == null ? 1 : b));
        TextField steps = new TextField(String.valueOf(vm.maxStepsProperty().get()));
        steps.setId("sweep-max-steps");
        steps.setPrefColumnCount(7);
        steps.setTextFormatter(new TextFormatter<>(ch -> ch.getControlNewText().matches("\\d{0,12}") ? ch : null));
        steps.textProperty().addListener((o, a, b) -> vm.maxStepsProperty().set(b.isEmpty() ? 0L : Long.parseLong(b)));
        HBox options = new HBox(8, new Label("Seeds"), seeds, new Label("Runs at once"), parallel,
                new Label("Step limit per run (0: the project's epochs)"), steps);
        options.setAlignment(Pos.CENTER_LEFT);
        options.disableProperty().bind(vm.runningProperty());

        Label plan = new Label();
        plan.setId("sweep-plan");
        plan.setWrapText(true);
        plan.setMinHeight(Region.USE_PREF_SIZE);
        plan.textProperty().bind(vm.planProperty());
        Label memoryNote = new Label();
        memoryNote.setId("sweep-memory-note");
        memoryNote.setWrapText(true);
        memoryNote.setMinHeight(Region.USE_PREF_SIZE);
        memoryNote.textProperty().bind(vm.memoryNoteProperty());
        memoryNote.visibleProperty().bind(vm.memoryNoteProperty().isNotEmpty());
        memoryNote.managedProperty().bind(memoryNote.visibleProperty());
        Button start = new Button("Start sweep");
        start.setId("sweep-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.startableProperty().not().or(vm.runningProperty()));
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel sweep");
        cancel.setId("sweep-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button("Close");
        close.setOnAction(e -> stage.hide());
        HBox buttons = new HBox(8, start, cancel, close);
        ProgressBar bar = new ProgressBar();
        bar.setId("sweep-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(14);
        Label status = new Label();
        status.setId("sweep-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE); // all its lines: the table gives way, not the resume command
        status.textProperty().bind(vm.statusProperty());

        TableView<SweepViewModel.RunRow> table = runsTable();
        VBox box = new VBox(10, new Label("Vary these settings (values separated by commas):"), rows, add, options,
                plan, memoryNote, buttons, bar, status, table);
        // Start greyed out as the sweep starts (Cancel as it ends): the keys go to the runs, not to Close or Cancel
        dev.deepwire.ui.controls.FocusHome.install(box, table);
        box.setPadding(new Insets(12));
        VBox.setVgrow(box.getChildren().get(box.getChildren().size() - 1), Priority.ALWAYS);
        return box;
    }

    private TableView<SweepViewModel.RunRow> runsTable() {
        TableView<SweepViewModel.RunRow> table = new TableView<>(vm.runs());
        table.setId("sweep-runs");
        table.setPlaceholder(new Label("The runs appear here when the sweep starts"));
        TableColumn<SweepViewModel.RunRow, String> name = new TableColumn<>("Run");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().label()));
        name.setPrefWidth(60);
        TableColumn<SweepViewModel.RunRow, String> settings = new TableColumn<>("Settings");
        settings.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().settings()));
        settings.setPrefWidth(310);
        TableColumn<SweepViewModel.RunRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().status());
        status.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item)); // a long reason
            }
        });
        status.setPrefWidth(190);
        TableColumn<SweepViewModel.RunRow, String> figure = new TableColumn<>();
        figure.textProperty().bind(vm.figureProperty());
        figure.setCellValueFactory(c -> c.getValue().figure());
        figure.setPrefWidth(190); // its heading whole at 1024 x 700: "validation filtered MRR" read "validation filt…"
        table.getColumns().setAll(List.of(name, settings, status, figure));
        return table;
    }

    private void rebuildRows() {
        rows.getChildren().clear();
        SettingNames names = vm.names();
        int i = 0;
        for (SweepViewModel.ParamRow row : vm.params()) {
            ComboBox<String> key = new ComboBox<>();
            key.setId("sweep-key-" + i);
            key.setEditable(true);
            // the items are the keys; the list and the field show their names ("Learning rate", "Tokens · Length")
            key.setConverter(new javafx.util.StringConverter<>() {
                @Override
                public String toString(String k) {
                    return names.name(k);
                }

                @Override
                public String fromString(String text) {
                    return names.key(text);
                }
            });
            key.getItems().setAll(names.keys());
            key.setPrefWidth(240);
            key.getEditor().setText(names.name(row.keyProperty().get()));
            key.getEditor().textProperty().addListener((o, a, b) -> row.keyProperty().set(names.key(b)));
            javafx.beans.value.ChangeListener<String> follow = (o, a, b) -> {
                if (!names.key(key.getEditor().getText()).equals(b == null ? "" : b)) {
                    key.getEditor().setText(names.name(b)); // the key set elsewhere (a reopened spec)
                }
            };
            key.getProperties().put("follow", follow); // held by the field: the row forgets a field rebuilt away
            row.keyProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
            key.disableProperty().bind(vm.runningProperty());
            TextField values = new TextField();
            values.setId("sweep-values-" + i);
            values.setPrefColumnCount(22);
            values.setPromptText("e.g. 1e-4, 3e-4, 1e-3");
            values.textProperty().bindBidirectional(row.valuesProperty());
            values.disableProperty().bind(vm.runningProperty());
            Label now = new Label();
            now.textProperty().bind(Bindings.createStringBinding(() -> {
                String current = vm.current(row.keyProperty().get() == null ? "" : row.keyProperty().get().strip());
                return current.isEmpty() ? "" : "now " + current;
            }, row.keyProperty()));
            Button remove = new Button("Remove");
            remove.setOnAction(e -> vm.params().remove(row));
            remove.disableProperty().bind(vm.runningProperty());
            rows.addRow(i++, key, values, now, remove);
        }
    }
}
