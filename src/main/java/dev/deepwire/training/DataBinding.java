package dev.deepwire.training;

import dev.deepwire.compiler.CompiledNetwork;
import dev.deepwire.data.Dataset;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Issue;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that a dataset's arrays fit the network's inputs and outputs, naming the node and the fix (on data bound to
 * the inputs first: {@link InputBinding}).
 */
public final class DataBinding {
    private DataBinding() {
    }

    public static List<Issue> problems(CompiledNetwork net, Dataset data) {
        List<Issue> problems = new ArrayList<>();
        if (data.features().length != net.inputs().size()) {
            problems.add(Issue.error(null, "the dataset gives " + data.features().length + " input(s) but the graph has "
                    + net.inputs().size() + " input block(s); add or remove input blocks to match"));
            return problems;
        }
        Issue order = inputOrder(net, data);
        if (order != null) {
            problems.add(order);
            return problems;
        }
        for (int i = 0; i < net.inputs().size(); i++) {
            CompiledNetwork.Input in = net.inputs().get(i);
            INDArray f = data.features()[i];
            TensorShape s = in.shape();
            if (s.kind() == PortKind.TOKEN_IDS) {
                if (f.rank() != 2 || f.size(1) != s.length()) {
                    problems.add(Issue.error(in.nodeId(), "the dataset's sequences have length " + (f.rank() == 2 ? f.size(1) : "?")
                            + " but the input expects " + s.length() + "; set its length to "
                            + (f.rank() == 2 ? f.size(1) : "the data's length")));
                }
                if (f.rank() == 2) { // both at once: the vocabulary had been said only once the length was mended
                    double max = f.maxNumber().doubleValue();
                    if (max >= s.range()) {
                        problems.add(Issue.error(in.nodeId(), "the dataset has token id " + (long) max + " but the vocabulary is "
                                + s.range() + "; set vocabulary to at least " + ((long) max + 1)));
                    }
                }
            } else {
                long[] expected = s.kind() == PortKind.ID ? new long[] {1}
                        : s.dims().stream().mapToLong(Integer::longValue).toArray();
                long[] actual = Arrays.copyOfRange(f.shape(), 1, f.rank());
                if (!Arrays.equals(expected, actual) && s.kind() == PortKind.IMAGE && actual.length == 1) {
                    problems.add(Issue.error(in.nodeId(), "the dataset gives " + sizes(actual) + " values per example but "
                            + "the image input takes " + sizes(expected) + " = " + Arrays.stream(expected).reduce(1, (a, b) -> a * b)
                            + "; set channels × height × width to make " + sizes(actual) + " (a row of pixels is read as "
                            + "that image, channels first, then row by row), or take the values with a Vector input"));
                } else if (!Arrays.equals(expected, actual) && s.kind() == PortKind.IMAGE && actual.length == 2) {
                    long[] fits = InputBinding.imageOfRows(s, actual[0], actual[1]);
                    problems.add(Issue.error(in.nodeId(), "the dataset gives each example as a sequence of " + actual[1]
                            + " image rows of " + actual[0] + " values but the image input takes " + sizes(expected)
                            + "; set channels × height × width to " + sizes(fits) + " (the rows' count is the height, "
                            + "each row's values the channels × width)"));
                } else if (!Arrays.equals(expected, actual)) {
                    problems.add(Issue.error(in.nodeId(), "the dataset gives " + sizes(actual) + " values per example but "
                            + "the input expects " + sizes(expected) + "; set the input's sizes to " + sizes(actual)));
                } else if (s.kind() == PortKind.ID && f.maxNumber().doubleValue() >= s.range()) {
                    problems.add(Issue.error(in.nodeId(), "the dataset has id " + (long) f.maxNumber().doubleValue()
                            + " but the input counts " + s.range() + " ids; set it to at least "
                            + ((long) f.maxNumber().doubleValue() + 1)));
                }
            }
        }
        if (data.labels().length != net.outputs().size()) {
            problems.add(Issue.error(null, "the dataset gives " + data.labels().length + " label set(s) but the graph has "
                    + net.outputs().size() + " output block(s)"));
            return problems;
        }
        for (int i = 0; i < net.outputs().size(); i++) {
            CompiledNetwork.Output out = net.outputs().get(i);
            long classes = data.labels()[i].size(1);
            if (classes != out.size()) {
                problems.add(Issue.error(out.nodeId(), classMismatch(out, classes)));
            }
        }
        return problems;
    }

    /** The rank of the array each example's input comes as: ids and vectors 2, sequences 3, images 4. */
    private static int rankOf(TensorShape s) {
        return switch (s.kind()) {
            case SEQUENCE -> 3;
            case IMAGE -> 4;
            default -> 2;
        };
    }

    private static String kindOf(INDArray f) {
        long[] sizes = Arrays.copyOfRange(f.shape(), 1, f.rank());
        return switch (f.rank()) {
            case 3 -> "a sequence of vectors (" + sizes(sizes) + ")";
            case 4 -> "an image (" + sizes(sizes) + ")";
            default -> sizes(sizes) + " value(s) or ids";
        };
    }

    /**
     * The dataset's inputs fit the graph's input blocks in another order: the inputs are matched in the order the
     * blocks were added, so a caption input added before the image input was told "sequences have length ?" and the
     * image input was fed the caption. Null when the order is not the problem.
     */
    private static Issue inputOrder(CompiledNetwork net, Dataset data) {
        List<CompiledNetwork.Input> inputs = net.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            INDArray fi = data.features()[i];
            if (fi.rank() == rankOf(inputs.get(i).shape())) {
                continue;
            }
            for (int j = 0; j < inputs.size(); j++) {
                INDArray fj = data.features()[j];
                if (j != i && fj.rank() == rankOf(inputs.get(i).shape()) && fi.rank() == rankOf(inputs.get(j).shape())) {
                    String given = Arrays.stream(data.features()).map(DataBinding::kindOf).collect(Collectors.joining(", then "));
                    String blocks = inputs.stream().map(CompiledNetwork.Input::nodeId).collect(Collectors.joining(", then "));
                    String first = inputs.get(Math.min(i, j)).nodeId();
                    String later = inputs.get(Math.max(i, j)).nodeId();
                    return Issue.error(first, "the dataset's inputs come in another order than the graph's input blocks: "
                            + "it gives " + given + "; input blocks take them in the order they were added (" + blocks
                            + "); delete " + first + " and add it again, so that it comes after " + later
                            + ", and wire it again");
                }
            }
        }
        return null;
    }

    /** What to do when the data's label count is not the output block's: a fix that can work, or why none does. */
    private static String classMismatch(CompiledNetwork.Output out, long classes) {
        String head = "the dataset has " + classes + " class" + (classes == 1 ? "" : "es") + " but the block predicts "
                + out.size();
        boolean counted = BlockCatalog.standard().find(out.blockType()).flatMap(t -> t.param("classes")).isPresent();
        if (classes < 2) {
            return head + "; every example has the same label, and a classifier needs at least two: add examples of "
                    + "another class (or check the label column)";
        }
        if (!counted) {
            return head + " value" + (out.size() == 1 ? "" : "s") + ": this output block has no class count; use a "
                    + "softmax classifier for " + classes + " classes, or data with " + out.size() + " target"
                    + (out.size() == 1 ? "" : "s");
        }
        return head + "; set classes to " + classes;
    }

    /** A single parameter value that fixes a mismatch: the block, the parameter and the value the data needs. */
    public record Fix(String nodeId, String param, long value) {
    }

    /**
     * The mismatches that one value fixes: an output's classes, a token input's length or vocabulary, a vector,
     * image or sequence input's sizes, an id input's count.
     */
    public static List<Fix> fixes(CompiledNetwork net, Dataset data) {
        List<Fix> fixes = new ArrayList<>();
        if (data.features().length == net.inputs().size()) {
            for (int i = 0; i < net.inputs().size(); i++) {
                CompiledNetwork.Input in = net.inputs().get(i);
                INDArray f = data.features()[i];
                if (in.shape().kind() == PortKind.TOKEN_IDS && f.rank() == 2) {
                    if (f.size(1) != in.shape().length()) {
                        fixes.add(new Fix(in.nodeId(), "length", f.size(1)));
                    }
                    if (f.maxNumber().doubleValue() >= in.shape().range()) {
                        fixes.add(new Fix(in.nodeId(), "vocabulary", (long) f.maxNumber().doubleValue() + 1));
                    }
                } else if (in.shape().kind() != PortKind.TOKEN_IDS) {
                    sizeFixes(in, f, data, i, fixes);
                }
            }
        }
        if (data.labels().length == net.outputs().size()) {
            for (int i = 0; i < net.outputs().size(); i++) {
                CompiledNetwork.Output out = net.outputs().get(i);
                long classes = data.labels()[i].size(1);
                if (classes != out.size()) {
                    fixes.add(new Fix(out.nodeId(), "classes", classes));
                }
            }
        }
        return fixes;
    }

    /**
     * A vector, image or sequence input whose sizes are not the data's: one fix per size that differs (the
     * parameters in the order of the shape's dimensions); an id input counting fewer ids than the data holds. The
     * problem said "set the input's sizes to 64" with no button to do it, while a class count had one.
     */
    private static void sizeFixes(CompiledNetwork.Input in, INDArray f, Dataset data, int i, List<Fix> fixes) {
        TensorShape s = in.shape();
        long[] actual = Arrays.copyOfRange(f.shape(), 1, f.rank());
        if (s.kind() == PortKind.ID) {
            if (actual.length == 1 && actual[0] == 1 && f.maxNumber().doubleValue() >= s.range()) {
                fixes.add(new Fix(in.nodeId(), "count", (long) f.maxNumber().doubleValue() + 1));
            } else if (actual.length == 1 && actual[0] == 1 && fewerIds(data, i, s) >= 0) {
                fixes.add(new Fix(in.nodeId(), "count", fewerIds(data, i, s)));
            }
            return;
        }
        List<String> params = switch (s.kind()) {
            case VECTOR -> List.of("features");
            case IMAGE -> List.of("channels", "height", "width");
            case SEQUENCE -> List.of("features", "length");
            default -> List.of();
        };
        if (s.kind() == PortKind.IMAGE && actual.length == 2) { // a sequence of image rows: the image they make
            actual = InputBinding.imageOfRows(s, actual[0], actual[1]);
        }
        if (actual.length != s.dims().size() || params.size() != actual.length) {
            return;
        }
        for (int d = 0; d < actual.length; d++) {
            if (actual[d] != s.dims().get(d)) {
                fixes.add(new Fix(in.nodeId(), params.get(d), actual[d]));
            }
        }
    }

    /**
     * Id inputs that count more ids than the data names (a table and a ranking sized for another file), each an error
     * naming the block and the count to set. Judged after {@link #problems} and the held-out splits (the data's own
     * faults are said first), before training.
     */
    public static List<Issue> idsBeyondTheData(CompiledNetwork net, Dataset data) {
        List<Issue> problems = new ArrayList<>();
        for (int i = 0; i < net.inputs().size() && i < data.features().length; i++) {
            CompiledNetwork.Input in = net.inputs().get(i);
            if (in.shape().kind() == PortKind.ID && fewerIds(data, i, in.shape()) >= 0) {
                problems.add(Issue.error(in.nodeId(), tooManyIds(in.nodeId(), fewerIds(data, i, in.shape()),
                        in.shape().range())));
            }
        }
        return problems;
    }

    /**
     * How many ids the data names for id input {@code i} when that is fewer than the input counts, else -1: a triples
     * file of 4 entities under the sample's count of 4,000 had trained a table of 4,000 rows (515,072 parameters) and
     * ranked each answer among 3,996 entities that do not exist, without a word.
     */
    private static int fewerIds(Dataset data, int i, TensorShape s) {
        List<String> names = data.ownInputNames(i);
        return names != null && !names.isEmpty() && names.size() < s.range() ? names.size() : -1;
    }

    private static String tooManyIds(String node, int named, long counted) {
        return String.format(java.util.Locale.ROOT, "the dataset has %,d distinct ids for %s but the input counts %,d: "
                + "its table would train %,d rows that no example uses, and a ranking over all of them would count ids "
                + "that are not in the data; set %s's count to %d", named, node, counted, counted - named, node, named);
    }

    private static String sizes(long[] dims) {
        return Arrays.stream(dims).mapToObj(String::valueOf).collect(Collectors.joining(" × "));
    }
}
