package dev.deepwire.limits;

import java.util.Locale;

/**
 * Keeps a message that quotes values from a file readable: a value of hundreds of thousands of characters (an id, a
 * key, a cell) is shown by its first {@value #HEAD} characters and its length, and a whole message stays within
 * {@value #MAX_MESSAGE} characters, keeping its end (where the fix is said). Used wherever such a message is made or
 * printed, so no error line is kilobytes long.
 */
public final class MessageText {
    /** A run of characters without a space longer than this is shortened. */
    public static final int MAX_WORD = 400;
    /** Characters kept of a shortened value. */
    public static final int HEAD = 60;
    /** The longest message printed whole. */
    public static final int MAX_MESSAGE = 2000;

    private static final String OPENING = "'\"`([{";
    private static final String CLOSING = "'\"`)]},;:.";

    private MessageText() {
    }

    /** The message with over-long values shortened as "aaaa… (300,000 characters)". */
    public static String shorten(String message) {
        if (message == null || message.length() <= MAX_WORD) {
            return message;
        }
        StringBuilder b = new StringBuilder(Math.min(message.length(), MAX_MESSAGE + 100));
        int i = 0;
        while (i < message.length()) {
            int end = i;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end))) {
                end++;
            }
            if (end - i > MAX_WORD) {
                int from = i;
                int to = end;
                while (from < to && OPENING.indexOf(message.charAt(from)) >= 0) {
                    from++; // a quote or bracket around the value stays, and is not counted
                }
                while (to > from && CLOSING.indexOf(message.charAt(to - 1)) >= 0) {
                    to--;
                }
                int cut = message.offsetByCodePoints(from, Math.min(HEAD, message.codePointCount(from, to)));
                b.append(message, i, cut).append(String.format(Locale.ROOT, "… (%,d characters)",
                        message.codePointCount(from, to))).append(message, to, end);
            } else {
                b.append(message, i, end);
            }
            int next = end;
            while (next < message.length() && Character.isWhitespace(message.charAt(next))) {
                next++;
            }
            b.append(message, end, next);
            i = next;
        }
        if (b.length() <= MAX_MESSAGE) {
            return b.toString();
        }
        String s = b.toString();
        int head = s.offsetByCodePoints(0, s.codePointCount(0, MAX_MESSAGE * 2 / 3 - 1));
        int tail = s.offsetByCodePoints(s.length(), -s.codePointCount(s.length() - MAX_MESSAGE / 4 + 1, s.length()));
        return s.substring(0, head) + String.format(Locale.ROOT, " … (%,d characters left out) … ", tail - head)
                + s.substring(tail);
    }
}
