package dev.deepwire.ui.eval;

import dev.deepwire.training.eval.EvaluationReport;
import dev.deepwire.training.eval.LinkRanking;
import dev.deepwire.training.eval.RankFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A knowledge-graph run's ranking in the evaluation window: the baselines its filtered MRR and Hits@k are to beat, and
 * a table of each relation's figures beside the most-frequent-tail baseline's. The figures are the report's
 * ({@link LinkRanking}, as {@code deepwire evaluate} prints them); this view only lays them out.
 */
final class LinkRankingView extends VBox {
    /** One row of the table: a relation (or all of them) with the model's and the baseline's figures. */
    record Row(String relation, RankFigures model, RankFigures frequency) {
    }

    LinkRankingView(EvaluationReport report) {
        super(8);
        setId("eval-ranking");
        LinkRanking ranking = report.ranking();
        if (ranking == null) {
            Label none = new Label("No " + report.split() + " triples to rank: filtered MRR and Hits@k need the knowledge "
                    + "graph's " + report.split() + " triples (the dataset's file or its split settings give none).");
            none.setId("eval-ranking-none");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        Label baselines = new Label(ranking.summaryLines(report.split()).get(1));
        baselines.setId("eval-ranking-baselines");
        baselines.setWrapText(true);
        baselines.setMinHeight(Region.USE_PREF_SIZE);
        baselines.getStyleClass().add("muted");
        TableView<Row> table = new TableView<>();
        table.setId("eval-ranking-table");
        table.getColumns().setAll(List.of(column("Relation", Row::relation), column("Queries", r -> String.valueOf(r.model().queries())),
                column("MRR", r -> fig(r.model().mrr())), column("Hits@1", r -> fig(r.model().hits1())),
                column("Hits@3", r -> fig(r.model().hits3())), column("Hits@10", r -> fig(r.model().hits10())),
                column("Most frequent: MRR", r -> fig(r.frequency().mrr())),
                column("Most frequent: Hits@10", r -> fig(r.frequency().hits10()))));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("all relations", ranking.model(), ranking.frequency()));
        ranking.byRelation().forEach((r, f) -> rows.add(new Row(r, f, ranking.frequencyByRelation().get(r))));
        table.getItems().setAll(rows);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(baselines, table);
    }

    private static String fig(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "—";
    }

    private static TableColumn<Row, String> column(String name, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
