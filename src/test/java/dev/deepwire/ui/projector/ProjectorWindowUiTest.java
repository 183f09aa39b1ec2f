package dev.deepwire.ui.projector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.inspect.LearnedTable;
import dev.deepwire.inspect.RowColumn;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The projector as a user meets it: hover names a point, search finds one, a click lists its neighbours. */
@ExtendWith(ApplicationExtension.class)
class ProjectorWindowUiTest {
    private final ProjectorSession session = new ProjectorSession(Platform::runLater);
    private ProjectorWindow window;

    @Start
    void start(Stage stage) {
        session.add(Tables.animals(10, 1));
        session.add(Tables.animals(20, 2));
        window = ProjectorWindow.open(stage, session, Runnable::run, null);
    }

    private Point2D onScreen(int row) {
        double[] at = window.model.positionOf(row);
        return window.canvas.localToScreen(at[0], at[1]);
    }

    @Test
    void hoverSearchAndNeighbours(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.table.getValue()).isEqualTo("emb");
        assertThat(window.note.getText()).contains("step 20").contains("PCA");
        assertThat(window.step.getMax()).isEqualTo(1);
        assertThat(window.legend.getChildren()).as("canine, feline, vehicle and other").hasSize(4);

        robot.moveTo(onScreen(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("lion");

        robot.clickOn("#projector-search").write("truck");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("1 found; first: truck");
        assertThat(window.neighbours.getItems()).first().asString().endsWith("car");

        robot.clickOn(onScreen(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.model.selected()).isEqualTo(0);
        assertThat(window.neighbours.getItems()).first().asString().endsWith("wolf");

        robot.interact(() -> window.step.setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.note.getText()).contains("step 10");
        robot.interact(() -> session.add(Tables.animals(30, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.note.getText()).as("looking back at step 10: a new capture does not move the slider").contains("step 10");
        assertThat(window.step.getMax()).isEqualTo(2);

        // typed on past a match: the list is not left showing the earlier match's neighbours under "no label contains"
        robot.clickOn("#projector-search").eraseText(5).write("the letter e and a");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("no label contains");
        assertThat(window.neighbours.getItems()).isEmpty();
        // and says what to type instead (a sentence had been answered with "no label contains …" alone)
        assertThat(window.hover.getText()).isEqualTo("no label contains \u201cthe letter e and a\u201d; labels here are "
                + "single words like \u201cdog\u201d, \u201cwolf\u201d, \u201ccat\u201d: type one, or part of one");
        robot.clickOn("#projector-search").eraseText(18).write("a lion and a wolf please");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).endsWith("; labels are searched one at a time: try \u201clion\u201d, \u201cwolf\u201d");
        robot.clickOn("#projector-search").eraseText(24).write("lian");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).isEqualTo("no label contains \u201clian\u201d; did you mean \u201clion\u201d?");

        javafx.stage.Window shown = window.canvas.getScene().getWindow();
        robot.clickOn("#projector-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown.isShowing()).as("a Close button, as the other windows have").isFalse();
    }

    @Test
    void theSearchFollowsTheTableChosen(FxRobot robot) {
        // Seen on wordnet-links-mlp-1n: 'dog.02084071' found among the entities, then the relations table chosen; the
        // line under the plot went on saying "1 found; first: dog.02084071 · relation hypernym" over 24 relations.
        dev.deepwire.inspect.LearnedTable relations = new dev.deepwire.inspect.LearnedTable("rel", "relations",
                java.util.List.of("hypernym", "hyponym", "part_of"), java.util.List.of(),
                new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 20);
        robot.interact(() -> session.add(relations));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#projector-search").write("lion");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("1 found; first: lion");

        robot.interact(() -> window.table.setValue("rel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).as("the relations have no 'lion'").startsWith("no label contains \u201clion\u201d; labels here are names like \u201chypernym\u201d");
        assertThat(window.model.matches()).isEmpty();
        assertThat(window.model.selected()).isEqualTo(-1);
        assertThat(window.neighbours.getItems()).isEmpty();

        robot.clickOn("#projector-search").eraseText(4).write("hyper");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("1 found; first: hypernym");

        robot.interact(() -> window.table.setValue("emb"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).startsWith("no label contains \u201chyper\u201d; ");
        robot.clickOn("#projector-search").eraseText(5).write("wolf");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.table.setValue("rel"));
        robot.interact(() -> window.table.setValue("emb"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.hover.getText()).as("back on the animals: found again").startsWith("1 found; first: wolf");
        assertThat(window.model.selected()).isEqualTo(1);
    }

    @Test
    void tablesAreCalledByTheirBlocksNamesOnTheCanvas(FxRobot robot) {
        // Seen in the real window: blocks renamed "Character embedding for each letter of the word" and "Which
        // language is this word from" were offered as token_embedding_1 and softmax_output_1.
        dev.deepwire.model.Graph graph = new dev.deepwire.GraphFixture().node("emb", "token_embedding").node("group", "softmax_output").graph();
        graph.setLabel("emb", "Letters as vectors");
        graph.setLabel("group", "Which kind of thing it is");
        robot.interact(() -> {
            session.setGraph(() -> graph);
            window.stage().close();
            window = ProjectorWindow.open(null, session, Runnable::run, "emb");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.table.getValue()).as("still chosen by id").isEqualTo("emb");
        assertThat(window.table.getConverter().toString(window.table.getValue())).isEqualTo("Letters as vectors");
        assertThat(robot.from(window.table).lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .map(javafx.scene.control.ListCell::getText).toList()).as("what the box shows").contains("Letters as vectors");
        assertThat(window.colour.getConverter().toString("group")).isEqualTo("Which kind of thing it is");
        assertThat(window.colour.getConverter().toString("index")).as("a column that is no block").isEqualTo("index");
        assertThat(window.note.getText()).startsWith("Letters as vectors · ");
        assertThat(session.nameOf("emb:entities")).isEqualTo("Letters as vectors (entities)");
    }

    @Test
    void anEntitysRelationColourIsCalledSoAndExplainedWithoutTakingThePlotsRoom(FxRobot robot) {
        // wordnet-links: 'Colour by' offered the relation column as "Relation (12 + 12 reciprocal)", the relation input
        // block's name (its id is 'relation' too), and a legend sentence that did not wrap squeezed the plot.
        dev.deepwire.model.Graph graph = new dev.deepwire.GraphFixture().node("relation", "id_input").graph();
        graph.setLabel("relation", "Relation (12 + 12 reciprocal)");
        RowColumn relation = RowColumn.categorical("relation", List.of("hypernym", "hypernym", "hyponym", "hyponym",
                "part_of", "part_of"), "Each entity has the colour of the relation it is most often the head of, a "
                + "sentence long enough to need several lines beside the plot of the projector window.");
        LearnedTable entities = new LearnedTable("ent", "entities", Tables.LABELS, List.of(relation),
                new float[][] {{5, 0, 0}, {5, 1, 0}, {0, 5, 0}, {1, 5, 0}, {0, 0, 5}, {0, 1, 5}}, 30);
        double[] plotWidth = new double[1];
        robot.interact(() -> {
            plotWidth[0] = window.canvas.getWidth();
            session.setGraph(() -> graph);
            session.add(entities);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.table.setValue("ent"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.colour.getValue()).isEqualTo("relation");
        assertThat(window.colour.getConverter().toString("relation")).isEqualTo("relation");
        javafx.scene.control.Label meaning = robot.lookup("#projector-legend-meaning").queryAs(javafx.scene.control.Label.class);
        assertThat(meaning.getText()).startsWith("Each entity has the colour");
        assertThat(window.canvas.getWidth()).as("the plot keeps its width").isGreaterThanOrEqualTo(plotWidth[0] - 1);
        assertThat(meaning.getHeight()).as("wrapped").isGreaterThan(2 * meaning.getFont().getSize());
        // with the legend full (ten relations and 'other'), still every line: it read "Each entity has the colour of the …"
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add("relation_" + i);
        }
        LearnedTable crowded = new LearnedTable("ent", "entities", Tables.LABELS, List.of(RowColumn.categorical("relation",
                many, relation.meaning())), entities.rows(), 40);
        robot.interact(() -> session.add(crowded));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label shown = robot.lookup("#projector-legend-meaning").queryAs(javafx.scene.control.Label.class);
        assertThat(shown.getHeight()).as("all its lines").isGreaterThanOrEqualTo(shown.prefHeight(shown.getWidth()) - 0.5);
    }
}
