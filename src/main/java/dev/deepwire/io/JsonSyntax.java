package dev.deepwire.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson's syntax errors in plain words, with line and column, without its internal names. */
final class JsonSyntax {
    private JsonSyntax() {
    }

    static ProjectFormatException problem(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (msg.contains("nesting depth")) {
            return new ProjectFormatException(where, "the JSON is nested more than 64 levels deep, which no project "
                    + "file needs; is it really a DeepWire project?");
        }
        Matcher limit = Pattern
                .compile("^(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(msg);
        if (limit.find()) {
            String what = switch (limit.group(1)) {
                case "String value" -> "a text value longer than " + limit.group(3) + " characters";
                case "Number value" -> "a number longer than " + limit.group(3) + " digits";
                default -> "a field name longer than " + limit.group(3) + " characters";
            };
            return new ProjectFormatException(where, "the file holds " + what + ", which no project needs; is it "
                    + "really a DeepWire project?");
        }
        Matcher token = Pattern.compile("^Non-standard token '([^']*)'").matcher(msg);
        if (token.find()) {
            return new ProjectFormatException(where, "'" + token.group(1) + "' is not a JSON number: a project file "
                    + "holds finite numbers only; write a number there");
        }
        if (msg.contains("ALLOW_COMMENTS") || msg.contains("ALLOW_YAML_COMMENTS")) {
            return new ProjectFormatException(where, "JSON has no comments: remove the comment (a note on the canvas, "
                    + "or the project's description, can hold the text)");
        }
        if (msg.contains("ALLOW_SINGLE_QUOTES") || msg.contains("(code 39)")) {
            return new ProjectFormatException(where, "JSON puts text in double quotes (\"…\"), not single ones");
        }
        if (msg.startsWith("Duplicate field")) {
            return new ProjectFormatException(where, readable(msg) + "; remove one of the two");
        }
        return new ProjectFormatException(where, "not valid JSON (" + readable(firstLine(msg))
                + "); the file may be truncated or hand-edited — restore it from a backup or fix the JSON there");
    }

    /**
     * Refuses anything but JSON whitespace after the root object, which ends before {@code end}: read as raw text, so
     * garbage ({@code " garbage}"}) is named as what it is, not as a value Jackson could not parse.
     */
    static void requireNothingAfter(String json, int end) throws ProjectFormatException {
        int i = Math.max(0, Math.min(end, json.length()));
        while (i < json.length() && " \t\r\n".indexOf(json.charAt(i)) >= 0) {
            i++;
        }
        if (i == json.length()) {
            return;
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (json.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        throw new ProjectFormatException("line " + line + ", column " + (i - lineStart + 1), "there is more text after "
                + "the project's closing '}'; delete it (a project file holds exactly one JSON object)");
    }

    /** Jackson's message without its internal source descriptions and setting names. */
    private static String readable(String msg) {
        return msg.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("\\[Source: [^\\]]*]", "")
                .replaceAll(" ?\\(?(?:from )?`[A-Za-z]+(?:\\.[A-Za-z_]+)+(?:\\(\\))?`\\)?", "")
                .strip();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
