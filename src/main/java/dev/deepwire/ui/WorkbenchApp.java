package dev.deepwire.ui;

import dev.deepwire.model.Project;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;

/**
 * The workbench window. Until the editor lands it shows the default sample's graph read-only, with
 * its description and shapes.
 */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane();
        Label status = new Label();
        status.getStyleClass().add("status-bar");
        try {
            Project project = DefaultSample.load();
            stage.setTitle("DeepWire — " + project.name());
            ScrollPane canvas = new ScrollPane(new GraphPreview(project.graph()));
            canvas.getStyleClass().add("canvas-scroll");
            root.setCenter(canvas);
            TextFlow about = new TextFlow(new Text(project.description()));
            about.setPadding(new Insets(10));
            about.getStyleClass().add("description");
            root.setTop(about);
            status.setText(project.graph().nodes().size() + " blocks, " + project.graph().edges().size()
                    + " wires  ·  read-only preview: the editor arrives with the editor issue; "
                    + "train with 'deepwire train sample-projects/marker.dwproj'");
        } catch (Exception e) {
            stage.setTitle("DeepWire");
            status.setText("Could not open the default sample: " + e.getMessage());
        }
        root.setBottom(status);
        Scene scene = new Scene(root, 1400, 620);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("/dev/deepwire/ui/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
