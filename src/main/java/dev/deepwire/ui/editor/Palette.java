package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockCategory;
import dev.deepwire.model.BlockType;
import java.util.List;
import java.util.Optional;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The block palette: the catalog grouped by category, filtered by a search field. Drag a block onto
 * the canvas, or double-click it (or press Enter) to place it in the middle of the view.
 */
public final class Palette extends VBox {
    private final EditorViewModel vm;
    private final GraphCanvas canvas;
    private final TextField search = new TextField();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>("blocks"));
    private final Label noMatch = new Label();

    public Palette(EditorViewModel vm, GraphCanvas canvas) {
        this.vm = vm;
        this.canvas = canvas;
        getStyleClass().add("palette");
        search.setPromptText("Search blocks");
        search.setId("palette-search");
        search.textProperty().addListener((o, a, b) -> fill(b));
        search.setOnAction(e -> firstBlock().ifPresent(this::place));
        tree.setShowRoot(false);
        tree.setId("palette-tree");
        tree.setCellFactory(t -> new BlockCell());
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selectedBlock() != null) {
                place(selectedBlock());
            }
        });
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label heading = new Label("Blocks");
        heading.getStyleClass().add("panel-heading");
        noMatch.setId("palette-no-match");
        noMatch.setWrapText(true);
        noMatch.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // whole, not cut at one line by the tree below
        noMatch.getStyleClass().add("muted");
        getChildren().addAll(heading, search, noMatch, tree);
        fill("");
    }

    private void fill(String filter) {
        tree.getRoot().getChildren().clear();
        List<BlockType> found = BlockSearch.filter(vm.catalog().all(), filter);
        for (BlockCategory c : BlockCategory.values()) {
            TreeItem<Object> group = new TreeItem<>(c);
            for (BlockType t : vm.catalog().all()) {
                if (t.category() == c && found.contains(t)) {
                    group.getChildren().add(new TreeItem<>(t));
                }
            }
            if (!group.getChildren().isEmpty()) {
                group.setExpanded(true);
                tree.getRoot().getChildren().add(group);
            }
        }
        boolean none = tree.getRoot().getChildren().isEmpty();
        noMatch.setText(none ? BlockSearch.noMatch(vm.catalog().all(), filter) : "");
        noMatch.setVisible(none);
        noMatch.setManaged(none);
    }

    private Optional<BlockType> firstBlock() {
        return tree.getRoot().getChildren().stream().flatMap(g -> g.getChildren().stream())
                .map(i -> (BlockType) i.getValue()).findFirst();
    }

    private BlockType selectedBlock() {
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof BlockType t ? t : null;
    }

    private void place(BlockType type) {
        canvas.addBlockInView(type);
    }

    /** A category heading or a draggable block with its help as tooltip. */
    private final class BlockCell extends TreeCell<Object> {
        BlockCell() {
            // As wide as the palette, a long name ending in "…" (read whole in its tooltip) rather than cut off at the
            // edge with a sideways scroll bar under the list
            setPrefWidth(0);
            // A plain press-drag-release inside the window (no platform drag-and-drop): the block lands
            // where the button is released over the canvas.
            setOnMouseDragged(e -> {
                if (getItem() instanceof BlockType) {
                    setCursor(Cursor.CLOSED_HAND);
                    e.consume();
                }
            });
            setOnMouseReleased(e -> {
                setCursor(Cursor.DEFAULT);
                if (getItem() instanceof BlockType t && !e.isStillSincePress()) {
                    canvas.dropBlock(t.id(), e.getSceneX(), e.getSceneY());
                    e.consume();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() instanceof BlockType t) {
                    place(t);
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-category", "palette-block");
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
            } else if (item instanceof BlockCategory c) {
                setText(c.label());
                setTooltip(null);
                getStyleClass().add("palette-category");
            } else if (item instanceof BlockType t) {
                setText(t.label());
                setTooltip(new Tooltip(t.label() + ": " + t.help() + "\n" + Words.formula(t.formula())));
                getStyleClass().add("palette-block");
            }
        }
    }
}
