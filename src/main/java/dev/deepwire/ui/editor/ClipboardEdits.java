package dev.deepwire.ui.editor;

import java.util.Optional;
import java.util.Set;

/** Copy, paste and duplicate of the selected blocks, through the text of a {@link GraphFragment}. */
final class ClipboardEdits {
    private final EditorViewModel vm;

    ClipboardEdits(EditorViewModel vm) {
        this.vm = vm;
    }

    Optional<String> copySelection() {
        return vm.selection().isEmpty() && vm.selectedNotes().isEmpty() ? Optional.empty()
                : Optional.of(GraphFragment.copy(vm.graph(), vm.selectedIds(), Set.copyOf(vm.selectedNotes())));
    }

    boolean paste(String text, double dx, double dy, boolean keepIncoming) {
        if (vm.refuseWhileLocked()) {
            return false;
        }
        Optional<GraphFragment.Paste> paste = text == null ? Optional.empty()
                : GraphFragment.paste(vm.graph(), text, dx, dy, keepIncoming);
        if (paste.isEmpty()) {
            vm.messageProperty().set("Nothing to paste: copy blocks first (Ctrl+C)");
            return false;
        }
        vm.history().execute(paste.get().command());
        Set<String> selection = vm.selection();
        selection.clear();
        selection.addAll(paste.get().newIds());
        vm.selectedNotes().addAll(paste.get().newNoteIds()); // what was pasted is selected, notes too
        return true;
    }

    boolean pasteInView(String text, double minX, double minY, double maxX, double maxY, boolean keepIncoming) {
        Optional<double[]> b = text == null ? Optional.empty() : GraphFragment.bounds(text);
        if (b.isEmpty()) {
            return paste(text, 40, 40, keepIncoming);
        }
        double[] f = b.get();
        boolean inView = f[0] + 40 >= minX && f[1] + 40 >= minY && f[2] + 40 <= maxX && f[3] + 40 <= maxY;
        double dx = inView ? 40 : Math.round((minX + maxX) / 2 - (f[0] + f[2]) / 2);
        double dy = inView ? 40 : Math.round((minY + maxY) / 2 - (f[1] + f[3]) / 2);
        return paste(text, dx, dy, keepIncoming);
    }

    void duplicateSelection() {
        copySelection().ifPresent(text -> paste(text, 40, 40, false));
    }
}
