package dev.deepwire.inspect.walk;

import dev.deepwire.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A block's formula filled in with the example's numbers at the chosen position: for an embedding the id and its row,
 * for a dense layer {@code Wx + b} with its sizes and the result, for attention the query, scores, softmax row and
 * weighted sum, and for every other block its inputs and output at that position.
 */
final class Formulas {
    private Formulas() {
    }

    static List<String> lines(String type, List<WalkTensor> in, List<WalkTensor> out, int position,
                              AttentionStep attention, TripleScores triple, Prediction prediction,
                              Map<String, INDArray> params, List<String> tokenNames, List<String> tokens) {
        List<String> lines = new ArrayList<>();
        boolean dense = false;
        WalkTensor x = in.isEmpty() ? null : in.get(0);
        WalkTensor y = out.isEmpty() ? null : out.get(0);
        String at = y != null && y.isSequence() ? " at position " + position + patchOf(type, x, y, position) : "";
        if (attention != null) {
            attention(lines, attention);
        } else if (triple != null) {
            if (triple.eh().length > 0) {
                lines.add("E(h) = E(" + triple.head() + ") = " + Numbers.vector(triple.eh()));
                lines.add("E(r) = E(" + triple.relation() + ") = " + Numbers.vector(triple.er()));
            } else {
                lines.add("h = " + triple.head() + ",  r = " + triple.relation() + "  (their embeddings are inside this block)");
            }
            lines.add("score(h, r, t = " + triple.tail() + ") = " + Numbers.of(triple.trueScore())
                    + "  (rank " + triple.rank() + " of all tails)");
            StringBuilder top = new StringBuilder("top-5 tails: ");
            triple.top().forEach(s -> top.append(s.entity()).append(" ").append(Numbers.of(s.score())).append(";  "));
            lines.add(top.toString().strip());
        } else if (type.endsWith("_embedding") && x != null && y != null && !x.isSequence() && x.shape().length == 1
                && !type.equals("positional_embedding")) {
            int p = Math.min(position, (int) x.shape()[0] - 1);
            int id = Math.round(x.values()[p]);
            String name = id >= 0 && id < tokenNames.size() ? " (" + tokenNames.get(id) + ")" : "";
            lines.add("id" + (x.shape()[0] > 1 ? " at position " + p : "") + " = " + id + name);
            lines.add("row E[" + id + "] = " + Numbers.vector(y.at(p)));
        } else if (type.equals("positional_embedding") && x != null && y != null) {
            float[] xi = x.at(position);
            float[] yi = y.at(position);
            float[] pi = new float[yi.length];
            for (int k = 0; k < pi.length; k++) {
                pi[k] = yi[k] - xi[k];
            }
            lines.add("x_" + position + " = " + Numbers.vector(xi));
            lines.add("P[" + position + "] = " + Numbers.vector(pi));
            lines.add("y_" + position + " = x_" + position + " + P[" + position + "] = " + Numbers.vector(yi));
        } else if (params.containsKey("W") && params.containsKey("b") && x != null && y != null) {
            long[] w = params.get("W").shape();
            // every size of W: a convolution's is filters × channels × k × k (it read "W: 16 × 1", as if a matrix)
            String sizes = java.util.Arrays.stream(w).mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" × "));
            String xAt = x.isSequence() ? at : "";
            lines.add("W: " + sizes + ",  x" + xAt + ": " + x.at(position).length + ",  b: "
                    + params.get("b").length() + "  →  y: " + (prediction != null || y == null ? w[1] : y.at(position).length));
            lines.add("x" + xAt + " = " + Numbers.vector(x.at(position)));
            dense = true;
        }
        if (attention == null && triple == null && y != null && (lines.isEmpty() || dense)) {
            if (in.size() > 1 || (lines.isEmpty() && x != null)) {
                for (WalkTensor t : in) {
                    lines.add(portOf(t.shown()) + (t.isSequence() ? at : "") + " = " + Numbers.vector(t.at(position)));
                }
            }
            lines.add("y" + at + " = " + Numbers.vector(y.at(position)) + named(in, y.at(position), tokenNames));
            if (in.isEmpty() && tokens.size() > 1) {
                lines.add("tokens = " + Numbers.tokens(tokens));
            }
        }
        if (prediction != null) {
            lines.add(0, "prediction: " + prediction.predicted() + "  (p = " + Numbers.of(prediction.probability()) + ")"
                    + (prediction.truth() == null ? "" : ",  true label: " + prediction.truth()
                    + (prediction.correct() ? "  ✓" : "  ✗"))); // first: the answer is what a class looks for
        }
        return lines;
    }

    /**
     * Where an Image patches step's position lies in the image: " (the patch at row 1, column 2 of 4 × 4)". An image
     * has no positions of its own: its step read "patches.in at position 5 = [the whole image]".
     */
    private static String patchOf(String type, WalkTensor x, WalkTensor y, int position) {
        if (!type.equals("patches") || x == null || x.shape().length != 3 || y.shape()[1] <= 0) {
            return "";
        }
        long patches = y.shape()[1];
        long p = Math.round(Math.sqrt((double) x.shape()[1] * x.shape()[2] / patches));
        if (p <= 0 || x.shape()[2] % p != 0) {
            return "";
        }
        long across = x.shape()[2] / p;
        return " (the patch at row " + position / across + ", column " + position % across + " of " + x.shape()[1] / p
                + " × " + across + ")";
    }

    private static void attention(List<String> lines, AttentionStep a) {
        String i = String.valueOf(a.position());
        String key = " (" + a.queryLabel() + ")";
        lines.add("head " + a.head() + " of " + a.heads() + ", d_k = " + a.headSize() + ", query position " + i + key);
        lines.add("q_" + i + " = W_Q x_" + i + " = " + Numbers.vector(a.query()));
        lines.add("scores q_" + i + "·k_j/√d_k = " + Numbers.vector(a.scores()));
        lines.add("softmax row a_" + i + " = " + Numbers.vector(a.softmax()));
        lines.add("Σ_j a_" + i + "j v_j = " + Numbers.vector(a.weightedSum()));
    }

    /**
     * What an input block's id is called: " (dog.n.01)" for a head entity's id; "" for any other block or value. At an
     * input block the step read "y = [18]", the entity or relation left to guess.
     */
    private static String named(List<WalkTensor> in, float[] values, List<String> names) {
        if (!in.isEmpty() || values.length != 1 || values[0] != Math.rint(values[0])) {
            return "";
        }
        int id = (int) values[0];
        return id >= 0 && id < names.size() && names.get(id) != null && !names.get(id).isEmpty()
                ? " (" + names.get(id) + ")" : "";
    }

    /** The port part of a wire's name ({@code embed.out → pos.in} is {@code pos.in}). */
    private static String portOf(String wire) {
        int arrow = wire.lastIndexOf('→');
        return arrow < 0 ? wire : wire.substring(arrow + 1).strip();
    }

    /** A vertex's parameters by their short names (W, b, …) from the network's table. */
    static Map<String, INDArray> params(ComputationGraph net, String vertex) {
        Map<String, INDArray> out = new java.util.HashMap<>();
        net.paramTable(false).forEach((k, v) -> {
            if (k.startsWith(vertex + "_")) {
                out.put(k.substring(vertex.length() + 1), v);
            }
        });
        return out;
    }

    static List<String> names(Dataset one, int input) {
        return input < 0 ? List.of() : one.inputNames(input);
    }
}
