package dev.deepwire.ui.controls;

import java.util.List;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The windows that show one project's model — Evaluate and Prune, the attention inspector, the embedding projector,
 * the head table, the counterfactual pair, a tensor's view — close when their workbench window opens another project
 * (New, Open, a sample, Restore). They had stayed: Evaluate offered the earlier project's confusion matrix and Step
 * through under the new project's name.
 */
public final class ProjectWindows {
    private static final String BOUND = "deepwire.project-window";

    private ProjectWindows() {
    }

    /** Marks a window as showing its owner's project. */
    public static <T extends Stage> T bind(T stage) {
        stage.getProperties().put(BOUND, Boolean.TRUE);
        return stage;
    }

    /** Closes every marked window owned (directly or through another window) by {@code workbench}. */
    public static void closeAll(Window workbench) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof Stage s && Boolean.TRUE.equals(s.getProperties().get(BOUND)) && ownedBy(s, workbench)) {
                s.close();
            }
        }
    }

    private static boolean ownedBy(Stage s, Window workbench) {
        for (Window o = s.getOwner(); o != null; o = o instanceof Stage st ? st.getOwner() : null) {
            if (o == workbench) {
                return true;
            }
        }
        return false;
    }
}
