package dev.deepwire.ui;

import dev.deepwire.data.DataException;
import dev.deepwire.data.DatasetLoader;
import dev.deepwire.data.DatasetSplits;
import dev.deepwire.model.DatasetSpec;
import dev.deepwire.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Edit ▸ Dataset Settings: which data the project trains on — generated marker sequences, a CSV of features
 * and labels, a text file of labelled token sequences, the digits with captions, or a triples file — and
 * its settings. <b>Check</b> loads it in the background and shows the example counts or the problem (with
 * the file's line number).
 */
final class DatasetDialog {
    private static final List<String> KINDS = List.of("marker", "csv", "text-classes", "digits-caption", "triples");

    private DatasetDialog() {
    }

    static Dialog<DatasetSpec> create(Window owner, EditorViewModel vm, Supplier<Path> folder, Executor background) {
        DatasetSpec current = vm.project().dataset();
        Map<String, Object> params = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current.params());
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("dataset-kind");
        kind.getItems().setAll(KINDS);
        kind.setValue(current == null ? "csv" : current.kind());
        TextField file = field("dataset-file", params.get("file"));
        TextField tokens = field("dataset-tokens", params.getOrDefault("tokens", "chars"));
        TextField length = field("dataset-length", params.get("length"));
        TextField classes = field("dataset-classes", params.get("classes"));
        TextField validation = field("dataset-validation", params.get("validationFraction"));
        TextField seed = field("dataset-seed", params.get("seed"));
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the data file");
            java.io.File f = chooser.showOpenDialog(owner);
            if (f != null) {
                Path p = f.toPath().toAbsolutePath();
                Path base = folder.get().toAbsolutePath();
                file.setText(p.startsWith(base) ? base.relativize(p).toString() : p.toString());
            }
        });
        Label result = new Label();
        result.setId("dataset-result");
        result.setWrapText(true);
        result.setMaxWidth(520);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Kind"), kind);
        form.addRow(1, new Label("File"), new HBox(6, file, browse));
        form.addRow(2, new Label("Tokens (chars or words)"), tokens);
        form.addRow(3, new Label("Length (tokens)"), length);
        form.addRow(4, new Label("Classes (CSV)"), classes);
        form.addRow(5, new Label("Validation fraction (no split column)"), validation);
        form.addRow(6, new Label("Seed"), seed);
        form.add(result, 0, 7, 2, 1);
        Dialog<DatasetSpec> dialog = new Dialog<>();
        dialog.setTitle("Dataset settings");
        dialog.setHeaderText("What " + vm.project().name() + " trains on. Paths are relative to the project's folder.");
        ButtonType check = new ButtonType("Check");
        dialog.getDialogPane().getButtonTypes().addAll(check, ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Supplier<DatasetSpec> spec = () -> {
            Map<String, Object> p = new LinkedHashMap<>(params);
            put(p, "file", file.getText(), false);
            put(p, "tokens", kind.getValue().equals("text-classes") ? tokens.getText() : "", false);
            put(p, "length", length.getText(), true);
            put(p, "classes", classes.getText(), true);
            put(p, "validationFraction", validation.getText(), true);
            put(p, "seed", seed.getText(), true);
            return new DatasetSpec(kind.getValue(), p);
        };
        ((Button) dialog.getDialogPane().lookupButton(check)).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            DatasetSpec s = spec.get();
            result.setText("Loading…");
            CompletableFuture.supplyAsync(() -> {
                try {
                    DatasetSplits d = DatasetLoader.load(s, folder.get());
                    return String.format("%,d training and %,d validation examples%s", d.train().size(),
                            d.validation() == null ? 0 : d.validation().size(),
                            d.test() == null ? "" : String.format(", %,d test", d.test().size()));
                } catch (DataException ex) {
                    return "Problem: " + ex.getMessage();
                }
            }, background).thenAccept(text -> Platform.runLater(() -> result.setText(text)));
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? spec.get() : null);
        return dialog;
    }

    private static TextField field(String id, Object value) {
        TextField f = new TextField(value == null ? "" : String.valueOf(value));
        f.setId(id);
        f.setPrefColumnCount(24);
        return f;
    }

    /** Sets a parameter from a field: numbers as numbers, an empty field removes it. */
    private static void put(Map<String, Object> p, String key, String text, boolean number) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            p.remove(key);
        } else if (number) {
            try {
                p.put(key, t.contains(".") || t.contains("e") ? (Object) Double.parseDouble(t) : (Object) Long.parseLong(t));
            } catch (NumberFormatException e) {
                p.put(key, t); // the loader names the bad setting
            }
        } else {
            p.put(key, t);
        }
    }
}
