package dev.deepwire.limits;

import java.util.Locale;

/**
 * Text from a file made safe to show: control characters, bidirectional overrides and isolates, and the other
 * invisible characters that change how the text around them reads (U+202E turned "evil‮gnp.exe" into "evilexe.png"
 * in the window) are written as visible escapes ({@code \u202e}). The one rule for what is unsafe: the command line
 * escapes the same characters in what it prints.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** Whether a code point is one that must not reach a screen or terminal as itself (newlines and tabs may). */
    public static boolean unsafe(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c || c == 0x2028 || c == 0x2029 || c == 0xfeff;
    }

    /** The escape shown in place of an unsafe code point. */
    public static String escaped(int c) {
        return String.format(Locale.ROOT, "\\u%04x", c);
    }

    /** {@code text} on one line: as {@link #of}, and its line breaks and tabs escaped too. */
    public static String oneLine(String text) {
        String shown = of(text);
        return shown == null ? null : shown.replace("\n", escaped('\n')).replace("\t", escaped('\t'));
    }

    /** {@code text} with every unsafe code point escaped (the same object when there is none). */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(VisibleText::unsafe)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (unsafe(c)) {
                b.append(escaped(c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
