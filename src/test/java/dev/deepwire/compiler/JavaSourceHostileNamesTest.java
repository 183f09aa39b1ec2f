package dev.deepwire.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deepwire.io.ProjectReader;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exported Java stays one program whatever the project file is called: names are data, never code. */
class JavaSourceHostileNamesTest {
    static final List<String> HOSTILE = List.of(
            "x\");Runtime.getRuntime().exec(\"touch pwned\");String s=(\"x.dwproj",
            "one \" quote.dwproj",
            "C:\\\\back\\slashes\\u0022\\\\u000a.dwproj",
            "ends */ comment /* and // line.dwproj",
            "new\nline\rand\u2028separator\u2029and\u0085.dwproj",
            "nul\u0000bell\u0007esc\u001b[2J del\u007f.dwproj",
            "unicode é 日本 😀 \ud800 lone surrogate.dwproj");

    @TempDir
    Path dir;

    private static String source(String projectFile, String className) throws Exception {
        Project p = new ProjectReader().read(Path.of("sample-projects/marker.dwproj"));
        CompileOptions options = CompileOptions.forTraining(p.training());
        CompiledNetwork network = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), options).orThrow();
        return JavaSourceExport.generate(network, options, p.training(), className, projectFile);
    }

    private String compile(String className, String source) throws Exception {
        Path file = dir.resolve(className + ".java");
        Files.writeString(file, source);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-classpath",
                System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
        return rc == 0 ? null : errors.toString();
    }

    /** The source with every string and char literal and every comment removed: what is left is the program's code. */
    private static String code(String source) {
        return source.replaceAll("\"(\\\\.|[^\"\\\\\\n])*\"", "\"\"").replaceAll("'(\\\\.|[^'\\\\\\n])'", "''")
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    @Test
    void hostileProjectFileNamesCompileAndInjectNothing() throws Exception {
        for (int k = 0; k < HOSTILE.size(); k++) {
            String name = HOSTILE.get(k);
            String source = source(name, "Exported" + k);
            assertThat(compile("Exported" + k, source)).as("javac on the export of %s", name).isNull();
            assertThat(code(source)).as("code outside string literals").doesNotContain("Runtime", "pwned", "touch");
            assertThat(source.lines().filter(l -> l.contains("Path.of(")).count()).isEqualTo(1);
        }
    }

    @Test
    void aLiteralMeansExactlyItsText() throws Exception {
        String source = "public class Literals {\n    public static final String[] ALL = {\n"
                + HOSTILE.stream().map(s -> "        " + JavaSourceExport.literal(s)).collect(Collectors.joining(",\n"))
                + "\n    };\n}\n";
        assertThat(compile("Literals", source)).as(source).isNull();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            String[] all = (String[]) loader.loadClass("Literals").getField("ALL").get(null);
            IntStream.range(0, HOSTILE.size()).forEach(i -> assertThat(all[i]).isEqualTo(HOSTILE.get(i)));
        }
        assertThat(JavaSourceExport.literal("a\u2028b")).doesNotContain("\u2028").doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "var", "record", "_", "1abc", "a-b", "a.b", "", "x y", "goto", "true", "null"})
    void classNamesThatAreNotJavaIdentifiersAreRefused(String name) {
        assertThat(JavaSourceExport.classNameProblem(name)).isNotNull();
    }

    /** javac leaves such characters out of a name: "X\u202e" is the class X, in a file named otherwise, which does not compile. */
    @ParameterizedTest
    @ValueSource(strings = {"X\u202e", "Net\u200b", "A\u0000B", "N\u00ade\u00adt", "\u2066Net"})
    void classNamesWithCharactersJavaIgnoresAreRefusedWithoutPrintingThem(String name) {
        assertThat(JavaSourceExport.classNameProblem(name)).isNotNull().contains("U+")
                .doesNotContain("\u202e", "\u200b", "\u0000", "\u00ad", "\u2066");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Net", "_Net", "$x", "Net2", "Über"})
    void javaIdentifiersAreAccepted(String name) {
        assertThat(JavaSourceExport.classNameProblem(name)).isNull();
    }

    /** A class named like a type the source needs (an import, java.lang, a DL4J layer) would not compile: refused. */
    @ParameterizedTest
    @ValueSource(strings = {"String", "Path", "System", "Map", "ComputationGraph", "Adam", "SelfAttention",
            "Activation", "NeuralNetConfiguration"})
    void classNamesThatTheSourceUsesAreRefused(String name) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source("p.dwproj", name))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + name + "' is a class the exported source already uses");
    }

    /** Names the source uses only as variables or in strings and comments still make a program that compiles. */
    @ParameterizedTest
    @ValueSource(strings = {"net", "b", "args", "DeepWire", "Network"})
    void namesUsedOnlyAsVariablesOrTextCompile(String name) throws Exception {
        assertThat(compile(name, source("DeepWire Network.dwproj", name))).isNull();
    }
}
