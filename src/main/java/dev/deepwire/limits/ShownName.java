package dev.deepwire.limits;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * A name a person gave (a block's, a group's, a project's) as the window shows it among other things — a block's
 * title on the canvas, a row of a list, a window's heading, the step overlay, a status message: at most {@value #MOST}
 * characters on at most {@value #LINES} lines, cut with "…". A block named with 50,000 emoji had stood as a column
 * over the canvas, and the project took long to open while each place measured the whole name. The name itself is
 * kept whole in the project, and shown whole on hover ({@link #hover}) up to {@value #HOVER} characters.
 */
public final class ShownName {
    /** The most characters (user-perceived, an emoji with its modifiers counting once) of a name shown in place. */
    public static final int MOST = 80;
    /** The most lines of a name shown in place. */
    public static final int LINES = 2;
    /** The most characters of a name shown whole on hover; a longer one is cut there too, with its length said. */
    public static final int HOVER = 400;

    private ShownName() {
    }

    /** {@code name} as shown in place: whole when short, else its start and "…". */
    public static String of(String name) {
        return cut(name, MOST, LINES, null);
    }

    /** {@code name} as shown on hover: whole up to {@value #HOVER} characters, else its start and its length. */
    public static String hover(String name) {
        return cut(name, HOVER, HOVER, name);
    }

    /**
     * {@code name} as shown within one line (the window's title, the dock's "Ready to train …", a status message, a
     * dialog's title or heading, a project's name or its file's): control characters, bidirectional overrides and line
     * breaks as visible escapes ({@link VisibleText}), at most {@value #MOST} characters. A project file named with
     * 5,000 characters, a U+202E or a newline had been shown whole, reversed or split in each of those places.
     */
    public static String line(String name) {
        return cut(VisibleText.oneLine(name), MOST, 1, null);
    }

    /** {@link #line} of a file's name (its last part), as the window names a project's file. */
    public static String line(java.nio.file.Path file) {
        return file == null || file.getFileName() == null ? "" : line(file.getFileName().toString());
    }

    /**
     * {@code name} as {@link #line} shows it, on hover: escaped the same way, whole up to {@value #HOVER} characters;
     * a longer one says how many characters the name has (its own: an escape such as {@code \u202e} counts as the one
     * character it stands for — the count had been of the escaped text, six for each).
     */
    public static String lineHover(String name) {
        return cut(VisibleText.oneLine(name), HOVER, HOVER, name);
    }

    /**
     * Whether {@link #line} cuts {@code name} — leaves some of it out, not only writes its controls as escapes (a name
     * only escaped is shown whole, and needs no whole-name tooltip).
     */
    public static boolean lineIsCut(String name) {
        return name != null && !line(name).equals(VisibleText.oneLine(name));
    }

    /** Whether {@link #of} cuts {@code name}. */
    public static boolean isCut(String name) {
        return !of(name).equals(name == null ? "" : name);
    }

    /** {@code name} cut to {@code most} characters on {@code lines} lines; where cut, the length of {@code said} too. */
    private static String cut(String name, int most, int lines, String said) {
        if (name == null) {
            return "";
        }
        if (name.length() <= most && name.chars().filter(c -> c == '\n').count() < lines) {
            return name; // the usual case, without a walk over the characters
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(name);
        int end = 0;
        int counted = 0;
        int lineBreaks = 0;
        for (int next = characters.next(); next != BreakIterator.DONE; next = characters.next()) {
            if (name.charAt(end) == '\n' && ++lineBreaks >= lines) {
                break; // the last line shown ends here
            }
            if (counted == most) {
                break;
            }
            end = next;
            counted++;
        }
        if (end >= name.length()) {
            return name;
        }
        String head = name.substring(0, end).stripTrailing();
        return said != null ? head + String.format(Locale.ROOT, "… (%,d characters)", said.codePointCount(0, said.length()))
                : head + "…";
    }
}
