package dev.deepwire.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownNameTest {
    @Test
    void aShortNameIsShownWhole() {
        assertThat(ShownName.of("Self-attention")).isEqualTo("Self-attention");
        assertThat(ShownName.of("Two\nlines")).isEqualTo("Two\nlines");
        assertThat(ShownName.isCut("Self-attention")).isFalse();
        assertThat(ShownName.of(null)).isEmpty();
    }

    @Test
    void fiftyThousandEmojiAreCutWithoutSplittingOne() {
        String name = "\ud83d\ude00".repeat(50_000);
        String shown = ShownName.of(name);
        assertThat(shown).endsWith("…").startsWith("\ud83d\ude00");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ShownName.MOST + 1);
        assertThat(shown.substring(0, shown.length() - 1)).isEqualTo("\ud83d\ude00".repeat(ShownName.MOST));
        assertThat(ShownName.isCut(name)).isTrue();
        assertThat(ShownName.hover(name)).startsWith("\ud83d\ude00".repeat(ShownName.HOVER)).endsWith("… (50,000 characters)");
        assertThat(ShownName.hover(name).codePointCount(0, ShownName.hover(name).length()))
                .isEqualTo(ShownName.HOVER + "… (50,000 characters)".length());
    }

    @Test
    void aLongNameIsCutAtItsCharactersAndItsLines() {
        String accented = "e\u0301".repeat(100); // é as e and a combining accent: never cut between them
        assertThat(ShownName.of(accented)).isEqualTo("e\u0301".repeat(ShownName.MOST) + "…");
        assertThat(ShownName.of("one\ntwo\nthree\nfour")).isEqualTo("one\ntwo…");
        String sentence = "word ".repeat(40);
        assertThat(ShownName.of(sentence)).isEqualTo(sentence.substring(0, ShownName.MOST).stripTrailing() + "…");
        assertThat(ShownName.hover(sentence)).as("whole on hover").isEqualTo(sentence);
    }

    @Test
    void aNameOnOneLineHasItsControlsEscapedAndIsCut() {
        assertThat(ShownName.line("word-language")).isEqualTo("word-language");
        assertThat(ShownName.line("evil\u202egnp.exe")).isEqualTo("evil\\u202egnp.exe");
        assertThat(ShownName.line("two\nlines\tand a tab")).isEqualTo("two\\u000alines\\u0009and a tab");
        String longName = "\u202e" + "x".repeat(5_000) + "\nmore";
        String shown = ShownName.line(longName);
        assertThat(shown).startsWith("\\u202ex").endsWith("…").doesNotContain("\n");
        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(ShownName.MOST + 1);
        // the name's own characters counted (5,006), not the escaped text's (an escape is six): it had said 5,016
        assertThat(ShownName.lineHover(longName)).startsWith("\\u202ex").endsWith("… (5,006 characters)");
        assertThat(ShownName.lineIsCut(longName)).isTrue();
        assertThat(ShownName.lineIsCut("evil\u202egnp.exe")).as("only escaped, shown whole").isFalse();
        assertThat(ShownName.lineIsCut("\u202e".repeat(20))).as("escapes that run past the most shown").isTrue();
        assertThat(ShownName.line(java.nio.file.Path.of("/tmp", "a\nb.dwproj"))).isEqualTo("a\\u000ab.dwproj");
        assertThat(ShownName.line((String) null)).isEmpty();
    }
}
