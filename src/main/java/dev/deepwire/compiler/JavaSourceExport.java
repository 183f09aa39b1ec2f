package dev.deepwire.compiler;

import dev.deepwire.compiler.layers.Updaters;
import dev.deepwire.model.TrainingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;

/**
 * Writes a compiled network as readable Java: a {@code configuration()} method with the
 * {@code ComputationGraphConfiguration} builder calls that rebuild it (DeepWire's own layers referenced
 * by class), and a {@code main} that loads the project's data with DeepWire's readers and trains. The
 * configuration it builds has the same JSON as the app's (tested by compiling the source). A big graph's builder calls
 * are split into methods (and classes) of bounded size, so the source compiles whatever the graph's size
 * ({@link BuilderCalls}); the layer and vertex expressions come from {@link JavaExpressions}.
 */
public final class JavaSourceExport {
    private JavaSourceExport() {
    }

    public static String generate(CompiledNetwork network, CompileOptions options, TrainingSettings training,
                                  String className, String projectFile) {
        return generate(network, options, training, className, projectFile, BuilderCalls.METHOD_CHARS,
                BuilderCalls.CLASS_LITERALS);
    }

    /**
     * As above, with the builder calls in methods of at most {@code methodChars} characters and classes of at most
     * {@code classLiterals} literals (tests pass small limits to exercise the split; see {@link BuilderCalls}).
     */
    static String generate(CompiledNetwork network, CompileOptions options, TrainingSettings training, String className,
                           String projectFile, int methodChars, int classLiterals) {
        String classProblem = classNameProblem(className);
        if (classProblem != null) {
            throw new IllegalArgumentException(classProblem);
        }
        ComputationGraphConfiguration conf = network.configuration();
        StringBuilder b = new StringBuilder();
        b.append("import dev.deepwire.compiler.layers.*;\n")
                .append("import dev.deepwire.data.DatasetLoader;\nimport dev.deepwire.data.DatasetSplits;\n")
                .append("import dev.deepwire.io.ProjectReader;\nimport dev.deepwire.training.eval.ModelScore;\n")
                .append("import dev.deepwire.training.backend.NativeTuning;\n")
                .append("import java.nio.file.Path;\nimport java.util.Map;\nimport java.util.Random;\n")
                .append("import org.deeplearning4j.nn.conf.*;\nimport org.deeplearning4j.nn.conf.distribution.*;\n")
                .append("import org.deeplearning4j.nn.conf.dropout.Dropout;\nimport org.deeplearning4j.nn.conf.graph.*;\n")
                .append("import org.deeplearning4j.nn.conf.layers.*;\nimport org.deeplearning4j.nn.conf.layers.recurrent.*;\n")
                .append("import org.deeplearning4j.nn.graph.ComputationGraph;\nimport org.deeplearning4j.nn.weights.*;\n")
                .append("import org.deeplearning4j.util.ModelSerializer;\nimport org.nd4j.linalg.activations.Activation;\n")
                .append("import org.nd4j.linalg.api.buffer.DataType;\nimport org.nd4j.linalg.dataset.api.MultiDataSet;\n")
                .append("import org.nd4j.linalg.learning.config.*;\n")
                .append("import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;\n\n")
                .append("/**\n * The network of ").append(commentText(projectFile)).append(", as drawn in DeepWire: ")
                .append(String.format(Locale.ROOT, "%,d", network.totalParams())).append(" parameters.\n")
                .append(" * Needs deepwire.jar (for DeepWire's layers and data readers) and DL4J 1.0.0-M2.1 on the classpath.\n */\n")
                .append("public final class ").append(className).append(" {\n")
                .append("    public static ComputationGraphConfiguration configuration() {\n")
                .append("        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()\n")
                .append("                .seed(").append(options.seed()).append("L)\n")
                .append("                .dataType(DataType.").append(options.dataType().name()).append(")\n")
                .append("                .updater(").append(Updaters.java(options.updater())).append(")\n")
                .append("                .weightInit(WeightInit.XAVIER)\n")
                .append("                .graphBuilder();\n");
        b.append("        b.addInputs(").append(quoted(conf.getNetworkInputs())).append(");\n");
        List<String> calls = new ArrayList<>();
        for (Map.Entry<String, GraphVertex> e : conf.getVertices().entrySet()) {
            String name = e.getKey();
            if (conf.getNetworkInputs().contains(name)) {
                continue;
            }
            String inputs = quoted(conf.getVertexInputs().get(name));
            if (e.getValue() instanceof LayerVertex lv) {
                calls.add("        b.addLayer(" + literal(name) + ",\n                "
                        + JavaExpressions.layer(lv.getLayerConf().getLayer()) + ",\n                " + inputs + ");\n");
            } else {
                calls.add("        b.addVertex(" + literal(name) + ", " + JavaExpressions.vertex(e.getValue()) + ", " + inputs
                        + ");\n");
            }
        }
        BuilderCalls.Layout layout = BuilderCalls.layout(calls, methodChars, classLiterals);
        b.append(layout.inline());
        b.append("        b.setOutputs(").append(quoted(conf.getNetworkOutputs())).append(");\n")
                .append("        ComputationGraphConfiguration conf = b.build();\n");
        b.append("        return conf;\n    }\n").append(layout.members()).append('\n');
        CompiledNetwork.Output out = network.outputs().get(0);
        String settings = out.settings().entrySet().stream()
                .map(s -> literal(s.getKey()) + ", " + (s.getValue() instanceof String v ? literal(v) : String.valueOf(s.getValue())))
                .collect(Collectors.joining(", "));
        b.append("    /** Trains on the project's data: java ").append(className).append(" [project.dwproj]. */\n")
                .append("    public static void main(String[] args) throws Exception {\n")
                .append("        NativeTuning.prepare(); // before ND4J loads: OpenBLAS kernels chosen for this CPU\n")
                .append("        Path project = Path.of(args.length > 0 ? args[0] : ").append(literal(projectFile))
                .append(");\n")
                .append("        DatasetSplits data = DatasetLoader.load(new ProjectReader().read(project).dataset(),\n")
                .append("                project.toAbsolutePath().getParent());\n")
                .append(inputBinding(network))
                .append("        ComputationGraph net = new ComputationGraph(configuration());\n")
                .append("        net.init();\n")
                .append("        Random shuffle = new Random(").append(training.seed()).append("L);\n")
                .append("        for (int epoch = 1; epoch <= ").append(training.epochs()).append("; epoch++) {\n")
                .append("            for (MultiDataSet batch : data.trainFor(epoch, Map.of(").append(settings).append("))\n")
                .append("                    .batches(").append(training.batchSize()).append(", shuffle)) {\n")
                .append("                net.fit(batch);\n")
                .append("            }\n")
                .append("            ModelScore e = ModelScore.of(net, data.validation().batches(256, null), ")
                .append(literal(out.blockType())).append(");\n")
                .append("            System.out.printf(\"epoch %d: validation loss %.4f, accuracy %.4f%n\", epoch, e.loss(), e.accuracy());\n")
                .append("        }\n")
                .append("        ModelSerializer.writeModel(net, ").append(literal(className + ".zip")).append(", true);\n")
                .append("    }\n}\n");
        String source = b.toString();
        String clash = nameClash(className, source);
        if (clash != null) {
            throw new IllegalArgumentException(clash);
        }
        return source;
    }

    /**
     * Where the network has several inputs or an image input, the line that binds the data to them as the workbench and
     * the command line do (InputBinding: each of the dataset's inputs to the block that takes it, a CSV's rows of
     * pixels as images); nothing otherwise.
     */
    private static String inputBinding(CompiledNetwork network) {
        var inputs = network.inputs();
        if (inputs.size() < 2 && inputs.stream().noneMatch(i -> i.shape().kind() == dev.deepwire.model.PortKind.IMAGE)) {
            return "";
        }
        String shapes = inputs.stream().map(i -> "new dev.deepwire.model.TensorShape(dev.deepwire.model.PortKind."
                + i.shape().kind().name() + ", java.util.List.of(" + i.shape().dims().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "), " + i.shape().range() + ", " + i.shape().masked() + ")")
                .collect(Collectors.joining(",\n                "));
        return "        data = dev.deepwire.training.InputBinding.bind(java.util.List.of(\n                " + shapes
                + "), data); // each input its data, rows of pixels as images\n";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(JavaSourceExport::literal).collect(Collectors.joining(", "));
    }

    /**
     * A Java string literal with exactly this text, whatever it holds: quotes and backslashes escaped, control
     * characters as octal escapes, everything beyond ASCII as {@code \\uXXXX}. Never a raw line break, and never a
     * backslash that javac's Unicode pre-pass could read as the start of an escape of its own.
     */
    public static String literal(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format(Locale.ROOT, "\\%03o", (int) c));
                    } else if (c > 0x7e) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * Text for a comment: letters, digits, spaces and {@code . _ - /} only (others as {@code _}), so nothing ends
     * the comment, starts a Unicode escape or opens a string.
     */
    static String commentText(String text) {
        return text.replaceAll("[^A-Za-z0-9 ._/-]", "_").replace("*/", "*_");
    }

    /** Why {@code name} cannot name the exported class (not a Java identifier, or a keyword); null when it can. */
    public static String classNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "the class needs a name";
        }
        int ignored = name.codePoints().filter(Character::isIdentifierIgnorable).findFirst().orElse(-1);
        if (ignored >= 0) {
            // javac drops it from the name (X\u202e is the class X), so the class would not match its file: refused,
            // and not printed as it is (a bidi override or control character would scramble the message)
            return String.format(java.util.Locale.ROOT, "the name holds U+%04X, an invisible or control character that "
                    + "Java leaves out of names (the class would not be named as its file)", ignored);
        }
        if (!SourceVersion.isIdentifier(name)) {
            return "'" + name + "' is not a Java identifier (letters, digits, _ and $, not starting with a digit)";
        }
        if (SourceVersion.isKeyword(name, SourceVersion.RELEASE_17)
                || Set.of("var", "yield", "record", "sealed", "permits").contains(name)) {
            return "'" + name + "' is a Java keyword and cannot name a class";
        }
        return null;
    }

    /**
     * Why {@code name} cannot name the class of {@code source}: the code (outside strings and comments) already uses
     * it for a class it needs ({@code Path}, {@code Adam}, {@code DenseLayer}, …), so the source would not compile.
     * Only names starting with a capital are checked: every type the source uses does, and its lowercase names are
     * variables and packages, which a class of the same name does not disturb. Null when there is no clash.
     */
    static String nameClash(String name, String source) {
        if (name.isEmpty() || !Character.isUpperCase(name.codePointAt(0))) {
            return null;
        }
        int uses = 0;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                if (source.regionMatches(start, name, 0, name.length()) && i - start == name.length()) {
                    uses++;
                }
            } else {
                i++;
            }
        }
        return uses > 1 ? "'" + name + "' is a class the exported source already uses, so its own class cannot have that name"
                : null;
    }
}
