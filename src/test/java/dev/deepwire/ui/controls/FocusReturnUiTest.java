package dev.deepwire.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Once a dialog that had the keys closes, they go back to the window it was opened from (or, for a dialog without an
 * owner, to the front window still open) — unless a window of the application has them already. Under Xvfb without a
 * window manager they had stayed with no window of DeepWire's after View ▸ Backend's note (a dialog without an owner)
 * or a file dialog closed, and Ctrl+Q did nothing with the pointer off the window. Monocle, the headless toolkit these
 * tests run on, keeps a window focused by itself, so who has the keys is said to the choice here; the real window was
 * checked by hand under Xvfb.
 */
@ExtendWith(ApplicationExtension.class)
class FocusReturnUiTest {
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        stage.setScene(new Scene(new StackPane(new Button("main")), 300, 200));
        stage.show();
    }

    @Test
    void theKeysGoBackToTheOwnerOrTheFrontWindowWhenNoWindowHasThem() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Stage other = new Stage();
            other.setScene(new Scene(new StackPane(), 10, 10));
            other.show();
            List<Window> open = List.of(main, other);
            assertThat(FocusReturn.target(open, main, w -> false)).as("back to the owner").isSameAs(main);
            assertThat(FocusReturn.target(open, null, w -> false)).as("no owner: the front window").isSameAs(other);
            assertThat(FocusReturn.target(open, main, w -> w == other)).as("a window has them: left there").isNull();
            other.hide();
            assertThat(FocusReturn.target(open, other, w -> false)).as("an owner closed meanwhile: the front window")
                    .isSameAs(main);
        }).get();
    }
}
