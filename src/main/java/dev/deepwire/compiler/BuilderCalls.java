package dev.deepwire.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * Lays out the exported {@code configuration()}'s builder calls ({@code b.addLayer(…)}, {@code b.addVertex(…)}: one
 * statement per layer or vertex, in the app's order) so that javac accepts them whatever the graph's size. A JVM method
 * holds at most 64 KB of bytecode and a class at most 65,535 constants, so one method with every call stopped compiling
 * at about 2,000 blocks ("code too large"). Calls that fit in one method stay inline in {@code configuration()}, as
 * before; more go into methods {@code blocks1(b)}, {@code blocks2(b)}, … of at most {@link #METHOD_CHARS} characters of
 * calls each, which {@code configuration()} calls in order; and where the methods' literals would crowd one class's
 * constants, the methods go into nested classes {@code Part1}, {@code Part2}, … of at most {@link #CLASS_LITERALS}
 * literals each.
 */
final class BuilderCalls {
    /**
     * Characters of calls in one method. A character of this code compiles to at most about two bytes (the densest
     * is a list of one-letter names: {@code , "a"} is 5 characters and 8 bytes), so a method stays under half of the
     * 64 KB limit. A single call longer than this still gets a method of its own.
     */
    static final int METHOD_CHARS = 12_000;
    /**
     * String and number literals in one class: each takes at most two of the class's 65,535 constant-pool slots,
     * which leaves more than half of them for the methods and classes the calls use and for the rest of the source.
     */
    static final int CLASS_LITERALS = 15_000;

    /**
     * @param inline  what goes in {@code configuration()} between {@code addInputs} and {@code setOutputs}: the calls
     *                themselves, or the calls to the methods that hold them
     * @param members the methods (and nested classes) that follow {@code configuration()}; empty when inline
     */
    record Layout(String inline, String members) {
    }

    private BuilderCalls() {
    }

    /** {@code calls}: one statement per layer or vertex, indented for {@code configuration()}'s body and ending in a newline. */
    static Layout layout(List<String> calls, int methodChars, int classLiterals) {
        List<Integer> methodStarts = split(calls, methodChars, c -> c.length());
        if (methodStarts.size() <= 1 && literals(String.join("", calls)) <= classLiterals) {
            return new Layout(String.join("", calls), "");
        }
        List<String> methods = new ArrayList<>();
        List<Integer> methodLiterals = new ArrayList<>();
        for (int m = 0; m < methodStarts.size(); m++) {
            int from = methodStarts.get(m);
            int to = m + 1 < methodStarts.size() ? methodStarts.get(m + 1) : calls.size();
            String body = String.join("", calls.subList(from, to));
            methods.add(String.format(Locale.ROOT,
                    "    /** Layers and vertices %,d to %,d of %,d, in the order the app adds them. */\n", from + 1, to, calls.size())
                    + "    static void blocks" + (m + 1) + "(ComputationGraphConfiguration.GraphBuilder b) {\n"
                    + body + "    }\n");
            methodLiterals.add(literals(body));
        }
        StringBuilder inline = new StringBuilder();
        StringBuilder members = new StringBuilder();
        if (methodLiterals.stream().mapToInt(Integer::intValue).sum() <= classLiterals) {
            for (int m = 0; m < methods.size(); m++) {
                inline.append("        blocks").append(m + 1).append("(b);\n");
                members.append('\n').append(methods.get(m));
            }
            return new Layout(inline.toString(), members.toString());
        }
        List<Integer> classStarts = split(methodLiterals, classLiterals, n -> n);
        for (int k = 0; k < classStarts.size(); k++) {
            int from = classStarts.get(k);
            int to = k + 1 < classStarts.size() ? classStarts.get(k + 1) : methods.size();
            members.append("\n    /** ").append(to - from == 1 ? "blocks" + to + ", in a class of its own"
                            : "blocks" + (from + 1) + " to blocks" + to + ", in a class of their own")
                    .append(" (one class holds at most 65,535 constants). */\n")
                    .append("    static final class Part").append(k + 1).append(" {\n");
            for (int m = from; m < to; m++) {
                inline.append("        Part").append(k + 1).append(".blocks").append(m + 1).append("(b);\n");
                // string literals never hold a raw line break (JavaSourceExport.literal escapes them): safe to indent
                members.append(m > from ? "\n" : "").append(("    " + methods.get(m)).replace("\n", "\n    ").stripTrailing())
                        .append('\n');
            }
            members.append("    }\n");
        }
        return new Layout(inline.toString(), members.toString());
    }

    /** Indexes where each group of consecutive items starts: a group's sizes add up to at most {@code max}, or it is one item. */
    private static <T> List<Integer> split(List<T> items, int max, ToIntFunction<T> size) {
        List<Integer> starts = new ArrayList<>();
        long filled = 0;
        for (int i = 0; i < items.size(); i++) {
            int s = size.applyAsInt(items.get(i));
            if (starts.isEmpty() || filled + s > max) {
                starts.add(i);
                filled = 0;
            }
            filled += s;
        }
        return starts;
    }

    /**
     * String, character and number literals in {@code code}, counted high: each may take a constant-pool slot or two.
     * {@code 1.5E-3} counts twice, and a small int that needs no constant still counts.
     */
    static int literals(String code) {
        int count = 0;
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i++;
                while (i < n && code.charAt(i) != c) {
                    i += code.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                count++;
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '.' || code.charAt(i) == '_')) {
                    i++;
                }
                count++;
            } else {
                i++;
            }
        }
        return count;
    }
}
