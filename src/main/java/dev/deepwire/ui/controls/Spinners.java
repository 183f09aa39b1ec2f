package dev.deepwire.ui.controls;

import javafx.scene.control.Spinner;
import javafx.scene.control.TextFormatter;

/** Spinners a person may type into: one rule for every window that has one. */
public final class Spinners {
    private Spinners() {
    }

    /**
     * Makes {@code spinner} editable for whole numbers of up to {@code digits} digits: letters never reach its converter,
     * so "two epochs" is not typed at all rather than silently read as the spinner's old value.
     */
    public static void wholeNumbers(Spinner<Integer> spinner, int digits) {
        spinner.setEditable(true);
        spinner.getEditor().setTextFormatter(new TextFormatter<>(ch ->
                ch.getControlNewText().matches("\\d{0," + digits + "}") ? ch : null));
        spinner.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                spinner.getValueFactory().setValue(was); // an emptied field committed is no value: the last one stays
            }
        });
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit(spinner); // a number typed and the field left counts, as in every other field
            }
        });
    }

    /**
     * Offers {@code 0 … last} in {@code spinner}, its value kept within it. The value factory is kept (its maximum
     * changed) where it is one already: {@link #wholeNumbers} listens to that factory, and a new one dropped it.
     */
    public static void range(Spinner<Integer> spinner, int last) {
        if (spinner.getValueFactory() instanceof javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory f) {
            if (f.getMax() != last) {
                f.setMax(last);
                f.setValue(Math.min(spinner.getValue(), last));
            }
        } else {
            spinner.setValueFactory(new javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory(0, last,
                    Math.min(spinner.getValue(), last)));
        }
    }

    /**
     * Takes the number typed into {@code spinner} as its value (kept within its range); an emptied field shows the
     * value again instead of leaving none.
     */
    public static void commit(Spinner<Integer> spinner) {
        if (spinner.getEditor().getText().isBlank()) {
            spinner.getEditor().setText(String.valueOf(spinner.getValue()));
            return;
        }
        spinner.commitValue();
    }
}
