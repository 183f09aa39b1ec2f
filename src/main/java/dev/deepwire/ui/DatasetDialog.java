package dev.deepwire.ui;

import dev.deepwire.data.DatasetLoader;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.ui.editor.EditorViewModel;
import dev.deepwire.ui.training.DataCheck;
import dev.deepwire.ui.training.DatasetCheck;
import dev.deepwire.ui.training.DatasetWords;
import dev.deepwire.ui.training.TrainingViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Edit ▸ Dataset Settings: which data the project trains on — generated marker sequences, a CSV of features
 * and labels, a text file of labelled token sequences, the digits with captions, or a triples file — and
 * its settings. <b>Check</b> loads it in the background and shows the example counts or the problem (with
 * the file's line number), and whether it fits the graph, as the editor's data check finds it ({@link DataCheck}),
 * from one load ({@link DatasetCheck}).
 */
final class DatasetDialog {
    private static final List<String> KINDS = List.of("marker", "csv", "text-classes", "digits-caption", "triples");
    /**
     * The settings of each kind the dialog shows a field for (the other kinds' fields are hidden): every setting the
     * kind reads ({@link DatasetLoader#SETTINGS}), so none of a project's data settings is out of a person's reach;
     * a kind's settings are dropped when the kind changes.
     */
    static final Map<String, Set<String>> FIELDS = DatasetLoader.SETTINGS;
    /** The widest the header's words are set (they wrap after it). */
    static final double HEADER_WIDTH = 640;

    private DatasetDialog() {
    }

    /**
     * The kind a graph with no data yet takes: id inputs read a triples file, a caption beside an image (or a sequence
     * of its rows) the digits-caption set, anything else a CSV. A knowledge-graph model built on an empty canvas had been offered
     * "csv", with a red "'Classes' must be 2 or more" before anything was typed.
     */
    static String kindFor(dev.deepwire.model.Graph graph) {
        Set<String> types = new java.util.HashSet<>();
        graph.nodes().forEach(n -> types.add(n.type()));
        if (types.contains("id_input")) {
            return "triples";
        }
        boolean image = types.contains("sequence_input") || types.contains("image_input"); // its rows, or 1 × 8 × 8
        return types.contains("token_input") && image ? "digits-caption" : "csv";
    }

    static Dialog<DatasetSpec> create(Window owner, EditorViewModel vm, TrainingViewModel training, Executor background) {
        return create(owner, vm, training, background, false);
    }

    /** As above; {@code unsaved}: the project has no folder yet (never saved), and the header says how paths work then. */
    static Dialog<DatasetSpec> create(Window owner, EditorViewModel vm, TrainingViewModel training, Executor background,
                                      boolean unsaved) {
        Supplier<Path> folder = training.data().folder();
        DatasetSpec current = vm.project().dataset();
        Map<String, Object> params = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.params());
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("dataset-kind");
        kind.getItems().setAll(KINDS);
        kind.setValue(current == null ? kindFor(vm.graph()) : current.kind());
        TextField file = field("dataset-file", params.get("file"));
        // a two-way choice, not free text to misspell (a file's own other value is shown as it is, and Check names it)
        ComboBox<String> tokens = new ComboBox<>();
        tokens.setId("dataset-tokens");
        tokens.getItems().setAll(List.of("chars", "words"));
        tokens.setValue(String.valueOf(params.getOrDefault("tokens", "chars")));
        TextField length = field("dataset-length", params.get("length"));
        TextField classes = field("dataset-classes", params.get("classes"));
        TextField validation = field("dataset-validation", params.get("validationFraction"));
        TextField seed = field("dataset-seed", params.get("seed"));
        TextField vocabulary = field("dataset-vocabulary", params.get("vocabulary"));
        TextField trainCount = field("dataset-train", params.get("train"));
        TextField validationCount = field("dataset-validation-count", params.get("validation"));
        TextField labelColumn = field("dataset-label-column", params.get("labelColumn"));
        CheckBox header = new CheckBox("The first row names the columns");
        header.setId("dataset-header");
        header.setSelected(!Boolean.FALSE.equals(params.get("header"))); // the loader's default: a header row
        header.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> scoring = new ComboBox<>();
        scoring.setId("dataset-scoring");
        scoring.getItems().setAll(List.of("triples", "1-n"));
        scoring.setValue(String.valueOf(params.getOrDefault("scoring", "triples")));
        Button browse = new Button("Browse…");
        browse.setMinWidth(Region.USE_PREF_SIZE); // the path field beside it gives way, not the button's word
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the data file");
            File f = dev.deepwire.ui.controls.FocusReturn.open(chooser, owner);
            if (f != null) {
                file.setText(FileDrops.shown(f.toPath().toAbsolutePath(), folder.get()));
            }
        });
        Label result = new Label();
        result.setId("dataset-result");
        result.setWrapText(true);
        result.setMaxWidth(520);
        result.setMinHeight(Region.USE_PREF_SIZE);
        FileDrops.dataFile(file, folder, result::setText); // a data file dragged in fills the field, as Browse… does
        Label problem = new Label(); // a setting Train would refuse, said as it is typed
        problem.setId("setting-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(520);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.getStyleClass().add("issue-error");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        Label kindLabel = new Label("Kind");
        kindLabel.setMinWidth(Region.USE_PREF_SIZE);
        form.addRow(0, kindLabel, kind);
        Map<String, Node[]> rows = new LinkedHashMap<>();
        rows.put("file", row(form, rows.size() + 1, "File", new HBox(6, file, browse,
                ForgetAgreement.button(training.data(), current, result::setText))));
        rows.put("tokens", row(form, rows.size() + 1, "Tokens (chars or words)", tokens));
        rows.put("length", row(form, rows.size() + 1, "Length (tokens)", length));
        rows.put("vocabulary", row(form, rows.size() + 1, "Vocabulary (symbols)", vocabulary));
        rows.put("train", row(form, rows.size() + 1, "Training examples", trainCount));
        rows.put("validation", row(form, rows.size() + 1, "Validation examples", validationCount));
        rows.put("classes", row(form, rows.size() + 1, "Classes", classes));
        rows.put("header", row(form, rows.size() + 1, "Header", header));
        rows.put("labelColumn", row(form, rows.size() + 1, "Label column (0 first; empty: the last)", labelColumn));
        rows.put("validationFraction", row(form, rows.size() + 1, "Validation fraction (no split column)", validation));
        rows.put("scoring", row(form, rows.size() + 1, "Scoring (1-n: rank every entity)", scoring));
        rows.put("seed", row(form, rows.size() + 1, "Seed", seed));
        form.add(problem, 0, rows.size() + 1, 2, 1);
        form.add(result, 0, rows.size() + 2, 2, 1);
        Runnable showKind = () -> {
            Set<String> used = FIELDS.getOrDefault(kind.getValue(), Set.of());
            // the kind's rows laid out one after another (hidden rows in place left their gaps between the shown ones)
            int at = 1;
            for (var e : rows.entrySet()) {
                boolean shown = used.contains(e.getKey());
                for (Node n : e.getValue()) {
                    n.setVisible(shown);
                    n.setManaged(shown);
                    GridPane.setRowIndex(n, shown ? at : rows.size() + 2);
                }
                at += shown ? 1 : 0;
            }
            GridPane.setRowIndex(problem, at);
            GridPane.setRowIndex(result, at + 1);
            result.setText("");
            if (form.getScene() != null && form.getScene().getWindow() != null) {
                form.getScene().getWindow().sizeToScene();
            }
        };
        kind.valueProperty().addListener((o, a, b) -> showKind.run());
        showKind.run();
        Dialog<DatasetSpec> dialog = new Dialog<>();
        String name = dev.deepwire.limits.ShownName.line(vm.project().name());
        dialog.setTitle("Dataset settings — " + name);
        // where a file is looked for, said for the kinds that read one (a marker dataset chosen for an unsaved project
        // was told to choose its file with Browse, and it has none)
        java.util.function.Function<String, String> headerOf = k -> "What " + name + " trains on."
                + (!FIELDS.getOrDefault(k, Set.of()).contains("file") ? "" : unsaved
                ? " The project is not saved yet, so it has no folder: choose the file with Browse (its full path is "
                + "kept), or save the project first; a path is then relative to its folder."
                : " Paths are relative to the project's folder.");
        Label headerWords = wrappedHeader(headerOf.apply(kind.getValue()));
        dialog.setHeaderText(headerWords.getText());
        dialog.getDialogPane().setHeader(headerWords.getParent());
        kind.valueProperty().addListener((o, a, b) -> {
            headerWords.setText(headerOf.apply(b));
            dialog.setHeaderText(headerWords.getText());
            if (form.getScene() != null && form.getScene().getWindow() != null) {
                form.getScene().getWindow().sizeToScene(); // one line now, or three
            }
        });
        ButtonType check = new ButtonType("Check");
        dialog.getDialogPane().getButtonTypes().addAll(check, ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Supplier<DatasetSpec> spec = () -> {
            Map<String, Object> p = new LinkedHashMap<>(params);
            if (current != null && !current.kind().equals(kind.getValue())) {
                // another kind: the last one's settings (a CSV's header, a marker's vocabulary) mean nothing to it
                p.keySet().retainAll(DatasetLoader.SETTINGS.getOrDefault(kind.getValue(), Set.of()));
            }
            Set<String> used = FIELDS.getOrDefault(kind.getValue(), Set.of());
            put(p, "file", used.contains("file") ? file.getText() : "", false);
            put(p, "tokens", used.contains("tokens") ? tokens.getValue() : "", false, "chars");
            put(p, "length", used.contains("length") ? length.getText() : "", true);
            put(p, "classes", used.contains("classes") ? classes.getText() : "", true);
            put(p, "validationFraction", used.contains("validationFraction") ? validation.getText() : "", true);
            put(p, "vocabulary", used.contains("vocabulary") ? vocabulary.getText() : "", true);
            put(p, "train", used.contains("train") ? trainCount.getText() : "", true);
            put(p, "validation", used.contains("validation") ? validationCount.getText() : "", true);
            put(p, "labelColumn", used.contains("labelColumn") ? labelColumn.getText() : "", true);
            if (!used.contains("header")) {
                p.remove("header");
            } else if (header.isSelected() != !Boolean.FALSE.equals(p.get("header"))) {
                p.put("header", header.isSelected()); // else as the project has it (absent: a header row)
            }
            put(p, "scoring", used.contains("scoring") ? scoring.getValue() : "", false, "triples");
            put(p, "seed", seed.getText(), true);
            return new DatasetSpec(kind.getValue(), p);
        };
        ((Button) dialog.getDialogPane().lookupButton(check)).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            DatasetSpec s = spec.get();
            result.setText("Loading…");
            var graph = vm.graph().copy(); // the graph as it is now, checked against the data as Train would
            var settings = vm.project().training();
            CompletableFuture.supplyAsync(() -> new DatasetCheck(vm.catalog()).report(graph, s, settings, folder.get()),
                    background).thenAccept(text -> Platform.runLater(() -> {
                result.setText(text);
                // grown to show every line (a warning after the counts was cut off in a dialog of one line's height)
                if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            }));
        });
        // each setting checked as it is typed, as Train would refuse it: a sentence in Classes was kept and refused
        // only at Train; now the field is marked, the line says what to type, and OK waits until it is mended
        Map<String, TextField> typed = Map.of("length", length, "classes", classes, "validationFraction", validation,
                "seed", seed, "vocabulary", vocabulary, "train", trainCount, "validation", validationCount,
                "labelColumn", labelColumn, "file", file);
        Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable recheck = () -> {
            var found = DatasetLoader.settingProblem(spec.get());
            String key = found.map(DatasetDialog::settingNamed).orElse("");
            typed.forEach((k, f) -> {
                f.getStyleClass().remove("invalid");
                if (k.equals(key)) {
                    f.getStyleClass().add("invalid");
                }
            });
            problem.setText(found.map(m -> labelled(m) + ". Mend it to use OK (Cancel keeps the settings as they were).")
                    .orElse(""));
            boolean grows = problem.isManaged() != found.isPresent();
            problem.setVisible(found.isPresent());
            problem.setManaged(found.isPresent());
            ok.setDisable(found.isPresent());
            if (grows && form.getScene() != null && form.getScene().getWindow() != null) {
                form.getScene().getWindow().sizeToScene(); // the line and the buttons below it all in view
            }
        };
        typed.values().forEach(f -> f.textProperty().addListener((o, a, b) -> recheck.run()));
        // an empty field says what the kind uses then: blank fields had left "Length (tokens)" and the counts unknown
        Runnable defaults = () -> {
            Map<String, Object> used = DatasetLoader.defaults(kind.getValue());
            typed.forEach((k, f) -> f.setPromptText(used.containsKey(k) ? used.get(k) + " when left empty" : null));
        };
        kind.valueProperty().addListener((o, a, b) -> defaults.run());
        defaults.run();
        kind.valueProperty().addListener((o, a, b) -> recheck.run());
        tokens.valueProperty().addListener((o, a, b) -> recheck.run());
        scoring.valueProperty().addListener((o, a, b) -> recheck.run());
        recheck.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? spec.get() : null);
        return dialog;
    }

    /** The setting a loader's refusal names first ("dataset.classes must be …" → classes), or empty. */
    static String settingNamed(String refusal) {
        var m = java.util.regex.Pattern.compile("^dataset\\.(\\w+)").matcher(refusal);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The header, wrapped within {@link #HEADER_WIDTH}: a long project name or the unsaved project's two sentences had
     * made the dialog wider than a 1024 px screen, and the rows' labels were cut to make room.
     */
    private static Label wrappedHeader(String text) {
        Label words = new Label(text);
        words.setId("header-of-dataset-settings");
        words.setWrapText(true);
        words.setMaxWidth(HEADER_WIDTH);
        words.setMinHeight(Region.USE_PREF_SIZE);
        GridPane header = new GridPane();
        header.getStyleClass().add("header-panel"); // styled as a dialog's own header
        header.add(words, 0, 0);
        return words; // in its panel, the dialog's header
    }

    private static Node[] row(GridPane form, int at, String label, Node field) {
        Label l = new Label(label);
        l.setMinWidth(Region.USE_PREF_SIZE); // a label is never cut ("… empty: the la…"): the field beside it gives way
        form.addRow(at, l, field);
        return new Node[] {l, field};
    }

    private static TextField field(String id, Object value) {
        TextField f = new TextField(value == null ? "" : String.valueOf(value));
        f.setId(id);
        f.setPrefColumnCount(24);
        return f;
    }

    /** A loader's message with each setting this dialog has a control for named as the control is ({@link DatasetWords}). */
    static String labelled(String message) {
        return DatasetWords.labelled(message);
    }

    /**
     * As {@link #put(Map, String, String, boolean)}, where a field shows {@code shownWhenAbsent} for a setting the
     * project leaves out: left out still when the field still shows it (OK with nothing changed changes nothing).
     */
    private static void put(Map<String, Object> p, String key, String text, boolean number, String shownWhenAbsent) {
        if (!p.containsKey(key) && text != null && text.strip().equals(shownWhenAbsent)) {
            return;
        }
        put(p, key, text, number);
    }

    /** Sets a parameter from a field: numbers as numbers, an empty field removes it. */
    private static void put(Map<String, Object> p, String key, String text, boolean number) {
        String t = text == null ? "" : text.strip();
        Object was = p.get(key);
        if (was != null && String.valueOf(was).equals(t)) {
            return; // as the project has it (a whole number read as 7 stays the same kind of number)
        }
        if (t.isEmpty()) {
            p.remove(key);
        } else if (number) {
            try {
                double v = dev.deepwire.model.Decimals.parse(t); // 1.5f, 0x1p3 and NaN stay text, named by the loader
                p.put(key, t.matches("[+-]?[0-9]+") ? (Object) Long.parseLong(t) : (Object) v);
            } catch (NumberFormatException e) {
                p.put(key, t); // the loader names the bad setting
            }
        } else {
            p.put(key, t);
        }
    }
}
