package dev.deepwire.ui.editor;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A tooltip made the first time the pointer enters its node. A {@link Tooltip} is a popup window with its
 * own skin; four or five per block made opening a 1,000-block graph spend most of its time building
 * tooltips nobody had hovered yet.
 */
final class LazyTooltip {
    /** The widest a tooltip is; longer lines wrap. */
    static final double WIDTH = 520;
    private final Node owner;
    private final Supplier<String> text;
    private Tooltip tooltip;

    private LazyTooltip(Node owner, Supplier<String> text) {
        this.owner = owner;
        this.text = text;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> create());
    }

    /** Shows {@code text} (read when the tooltip is made, and again on {@link #refresh()}) over {@code owner}. */
    static LazyTooltip install(Node owner, Supplier<String> text) {
        return new LazyTooltip(owner, text);
    }

    private void create() {
        if (tooltip == null) {
            tooltip = new Tooltip(text.get());
            tooltip.setWrapText(true); // a long name (up to ShownName.HOVER characters) wraps, not one line off the screen
            tooltip.setMaxWidth(WIDTH);
            Tooltip.install(owner, tooltip);
        }
    }

    /** Updates the text of a tooltip already made (one not made yet reads it when made). */
    void refresh() {
        if (tooltip != null) {
            tooltip.setText(text.get());
        }
    }

    /** The tooltip, made now if it was not yet (for tests). */
    Tooltip tooltip() {
        create();
        return tooltip;
    }
}
