package dev.deepwire.inspect;

import java.util.List;

/**
 * One learned table of a trained network as plain floats, one row per thing it embeds (entity, relation, token,
 * position), with a readable label per row and the columns the projector can colour rows by.
 *
 * @param nodeId  the table's name: the id of the block on the canvas that holds it, or {@code id:rows} where a
 *                block holds several (a 1-N scorer's entities and relations)
 * @param kind    what its rows are, in words ("entities", "tokens", "positions", …)
 * @param labels  one label per row
 * @param columns what each row can be coloured by (may be empty)
 * @param rows    the table, {@code [row][dimension]}
 * @param step    the training step it was read at (-1: unknown)
 */
public record LearnedTable(String nodeId, String kind, List<String> labels, List<RowColumn> columns, float[][] rows,
                           long step) {
    public LearnedTable {
        labels = List.copyOf(labels);
        columns = List.copyOf(columns);
        if (labels.size() != rows.length) {
            throw new IllegalArgumentException(nodeId + ": " + labels.size() + " labels for " + rows.length + " rows");
        }
    }

    public int size() {
        return rows.length;
    }

    public int dimensions() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    /** The same table with the values read at another step (a capture during training). */
    public LearnedTable at(float[][] values, long atStep) {
        return new LearnedTable(nodeId, kind, labels, columns, values, atStep);
    }

    /** Whether the rows are the steps of a sequence, drawn joined in order (a curve). */
    public boolean sequential() {
        return columns.stream().anyMatch(c -> c.name().equals(RowColumn.POSITION));
    }

    /** A column by name, if the table has it. */
    public java.util.Optional<RowColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
