package dev.deepwire.ui.controls;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a line of text is drawn in a font, for sizing what must show it whole (a column, a block, a key). */
public final class TextWidth {
    private TextWidth() {
    }

    /** The width of {@code text} on one line in {@code font}, in pixels. */
    public static double of(String text, Font font) {
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
