package dev.deepwire.ui.editor;

import dev.deepwire.model.BlockType;
import dev.deepwire.model.Port;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The quick-add search that opens at the pointer (double-click on the canvas, or Space): type to
 * filter, Enter or double-click to place. Opened after a wire is dropped on empty canvas, it lists
 * only blocks that take the wire and connects the new block to it.
 */
final class QuickAdd {
    private final EditorViewModel vm;
    private final Popup popup = new Popup();
    private final TextField search = new TextField();
    private final ListView<BlockType> list = new ListView<>();
    private final Label noMatch = new Label();
    /** Why a block the search names is not listed after a wire was dropped, and what can come between (WireBridges). */
    private final Label hint = new Label();
    private List<BlockType> choices = List.of();
    private Point2D at;
    private Port from;
    private Wiring wiring = Wiring.ONLY_WIRED;

    /** What quick-add offers when it has a port to wire from, and where the chosen block goes. */
    enum Wiring {
        /** A wire dropped on the canvas: only the blocks that take it, placed right of the block it came from. */
        ONLY_WIRED,
        /** Opened by a key with a block selected: every block; one that takes its output is wired, right of it. */
        AFTER,
        /** As {@link #AFTER}, the pointer moved to where the block goes: placed there. */
        AT_POINTER
    }
    private final Placement place;

    /** Where a chosen block goes (the canvas's rule, {@link NotePlacement}). */
    interface Placement {
        /** The top-left of a block of {@code type} asked for at {@code wanted}, wired from {@code from} (or null). */
        Point2D spot(BlockType type, Point2D wanted, Port from);
    }

    /** @param place where a chosen block goes, asked for at the pointer: the nearest free spot in view (the canvas's) */
    QuickAdd(EditorViewModel vm, Placement place) {
        this.vm = vm;
        this.place = place;
        search.setPromptText("Add block…");
        search.setId("quick-add-search");
        list.setId("quick-add-list");
        list.setPrefSize(280, 260);
        noMatch.setId("quick-add-no-match");
        noMatch.setWrapText(true);
        list.setPlaceholder(noMatch);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BlockType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.label() + "  ·  " + t.category().label());
            }
        });
        search.textProperty().addListener((o, a, b) -> filter(b));
        search.setOnKeyPressed(e -> {
            // Enter and Esc end here: the popup hands keys it leaves to the window, and the palette, focused since a
            // block was picked there, took this Enter too and added its block a second time
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                choose(list.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                popup.hide();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                choose(list.getSelectionModel().getSelectedItem());
            }
        });
        hint.setId("quick-add-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(280);
        hint.getStyleClass().add("muted");
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setVisible(false);
        VBox box = new VBox(4, search, hint, list);
        box.getStyleClass().add("quick-add");
        popup.getContent().add(box);
        popup.setAutoHide(true);
    }

    /**
     * Opens at a screen point to place a block at canvas point {@code world}; with {@code from}, the new block is wired
     * to it as {@code wiring} says.
     */
    void show(Node owner, double screenX, double screenY, Point2D world, Port from, Wiring wiring) {
        this.at = world;
        this.from = from;
        this.wiring = wiring;
        choices = from == null || wiring != Wiring.ONLY_WIRED ? List.copyOf(vm.catalog().all()) : vm.quickAdd().blocksAccepting(from);
        // what the chosen block is wired after, said where it is typed (Space with a block selected chains after it)
        search.setPromptText(vm.graph().node(from == null ? "" : from.nodeId())
                .map(n -> "Add block after \u201c" + dev.deepwire.limits.ShownName.of(n.label()).replace('\n', ' ')
                        + "\u201d…")
                .orElse("Add block…"));
        search.clear();
        filter("");
        popup.show(owner, screenX, screenY);
        keepInside(owner.getScene().getWindow(), screenX, screenY);
        search.requestFocus();
    }

    /** Moves the popup (and shortens its list if need be) so that all of it lies inside the window. */
    private void keepInside(Window window, double screenX, double screenY) {
        double room = window.getHeight() - 40;
        if (popup.getHeight() > room) {
            list.setPrefHeight(Math.max(80, list.getPrefHeight() - (popup.getHeight() - room)));
            popup.sizeToScene();
        }
        double margin = 8; // the card's shadow and border reach a little past the popup's own size
        popup.setX(Math.max(window.getX(), Math.min(screenX, window.getX() + window.getWidth() - popup.getWidth() - margin)));
        popup.setY(Math.max(window.getY(), Math.min(screenY, window.getY() + window.getHeight() - popup.getHeight() - margin)));
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    private void filter(String text) {
        List<BlockType> found = BlockSearch.filter(choices, text);
        var bridge = from == null || wiring != Wiring.ONLY_WIRED || !BlockSearch.byName(choices, text).isEmpty() ? java.util.Optional.<WireBridges.Hint>empty()
                : WireBridges.of(BlockSearch.byName(vm.catalog().all(), text), wireKinds(), choices);
        hint.setText(bridge.map(WireBridges.Hint::text).orElse(""));
        hint.setVisible(bridge.isPresent());
        // the blocks that can come between first: Enter adds the one the hint names
        list.getItems().setAll(bridge.filter(b -> !b.bridges().isEmpty()).map(WireBridges.Hint::bridges).orElse(found));
        noMatch.setText(BlockSearch.noMatch(choices, text));
        list.getSelectionModel().selectFirst();
    }

    /** What the dropped wire carries (nothing while quick-add was opened without one). */
    private java.util.Set<dev.deepwire.model.PortKind> wireKinds() {
        return vm.graph().node(from.nodeId()).flatMap(n -> vm.catalog().find(n.type())).flatMap(t -> t.output(from.name()))
                .map(dev.deepwire.model.PortSpec::kinds).orElse(java.util.Set.of());
    }

    private void choose(BlockType type) {
        if (type == null) {
            return;
        }
        popup.hide();
        Port after = from != null && (wiring == Wiring.ONLY_WIRED || vm.quickAdd().blocksAccepting(from).contains(type)) ? from : null;
        Point2D spot = place.spot(type, at, wiring == Wiring.AT_POINTER ? null : after);
        double x = Math.round(spot.getX());
        double y = Math.round(spot.getY());
        if (after != null) {
            vm.quickAdd().addBlockConnected(type.id(), x, y, after);
        } else {
            vm.addBlock(type.id(), x, y);
        }
    }
}
