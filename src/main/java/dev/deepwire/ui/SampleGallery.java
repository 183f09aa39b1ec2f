package dev.deepwire.ui;

import dev.deepwire.io.ProjectFormatException;
import dev.deepwire.io.files.SampleLibrary;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File ▸ New from Sample: every shipped sample with a drawing of its graph, its description, what it
 * reaches and how long it trains on a laptop CPU. Opening one makes it a template (Save asks where).
 */
final class SampleGallery {
    /** A sample ready to show: its entry and the project read from it (or why it could not be read). */
    record Card(SampleLibrary.Entry entry, Project project, String problem) {
    }

    private SampleGallery() {
    }

    static Stage show(Window owner, SampleLibrary library, BiConsumer<SampleLibrary.Entry, Project> open) {
        ListView<Card> list = new ListView<>();
        list.setId("sample-gallery");
        for (SampleLibrary.Entry e : library.entries()) {
            try {
                list.getItems().add(new Card(e, library.read(e), null));
            } catch (ProjectFormatException ex) {
                list.getItems().add(new Card(e, null, ex.getMessage()));
            }
        }
        list.setCellFactory(v -> new CardCell());
        Stage stage = new Stage();
        Runnable openSelected = () -> {
            Card c = list.getSelectionModel().getSelectedItem();
            if (c != null && c.project() != null) {
                stage.close();
                open.accept(c.entry(), c.project());
            }
        };
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected.run();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected.run();
            }
        });
        Button openButton = new Button("Open");
        openButton.setId("gallery-open");
        openButton.setDefaultButton(true);
        openButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> openSelected.run());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        ButtonBar buttons = new ButtonBar();
        ButtonBar.setButtonData(openButton, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.getButtons().addAll(openButton, cancel);
        BorderPane root = new BorderPane(list);
        root.setBottom(buttons);
        BorderPane.setMargin(buttons, new Insets(8));
        root.getStyleClass().add("sample-gallery");
        stage.setTitle("New from Sample");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        Scene scene = dev.deepwire.ui.controls.WindowSizes.scene(root, 900, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        list.getSelectionModel().selectFirst();
        stage.show();
        return stage;
    }

    private static final class CardCell extends ListCell<Card> {
        CardCell() {
            // as wide as the list, never wider: its words wrap (at 1024 × 700 the marker's facts line was cut and a
            // horizontal scroll bar appeared, the list taking each card's unwrapped width)
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Card c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(c.entry().title());
            title.getStyleClass().add("gallery-title");
            title.setStyle("-fx-font-weight: bold; -fx-font-size: 1.077em;");
            Label facts = new Label(c.entry().reaches() + "  ·  " + c.entry().time());
            facts.getStyleClass().add("gallery-facts");
            title.setWrapText(true);
            facts.setWrapText(true);
            Label text = new Label(c.project() != null ? c.project().description() : "Cannot be opened: " + c.problem());
            text.setWrapText(true);
            text.setMaxWidth(600);
            VBox words = new VBox(4, title, facts, text);
            words.setMinWidth(0);
            HBox.setHgrow(words, Priority.ALWAYS);
            HBox card = new HBox(12, c.project() == null ? new Label("") : GraphThumbnail.draw(c.project().graph(),
                    BlockCatalog.standard(), 220, 120), words);
            card.setPadding(new Insets(6));
            setText(null);
            setGraphic(card);
        }
    }
}
