package dev.deepwire.ui.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The sentence typed in the inspector is kept for the window's project while the inspector is closed, and goes with
 * that project: opened again after another project came into the window, it had been put to the new project's model.
 */
class AttentionSessionTypedTest {
    @Test
    void typedTextStaysWithItsProjectAndGoesWhenAnotherOpens() {
        AttentionSession session = new AttentionSession(Runnable::run);
        session.keepTyped("Guten Morgen liebe Klasse", true);
        assertThat(session.typedText()).isEqualTo("Guten Morgen liebe Klasse");
        assertThat(session.typedShown()).isTrue();
        session.forget(); // another project opened in the window
        assertThat(session.typedText()).isEmpty();
        assertThat(session.typedShown()).isFalse();
    }
}
