package dev.deepwire.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepwire.compiler.CompileOptions;
import dev.deepwire.compiler.CompileResult;
import dev.deepwire.compiler.GraphCompiler;
import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutator over the sample projects: truncate, flip bytes, delete and duplicate keys, change
 * types and numbers, add wires. Every input goes through load → check → compile, and every outcome
 * must be a loaded project (compiled, or with issues naming nodes) or a {@link ProjectFormatException}
 * — never another exception or a hang. An input that fails is written to {@code target/fuzz-failures} (never
 * into the sources while tests run); promoting it to {@code src/test/resources/fuzz-regressions}, named by the
 * outcome it must have once fixed ({@code refused-}, {@code issues-} or {@code compiled-}), replays it on every
 * run (docs/reliability.md).
 */
class ProjectFuzzTest {
    static final int INPUTS = 3000;
    static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");
    static final Path FAILURES = Path.of("target/fuzz-failures");
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Mutation { TRUNCATE, FLIP_BYTE, DELETE_KEY, DUPLICATE_KEY, CHANGE_TYPE, EXTREME_NUMBER, ADD_WIRE, DELETE_NODE }

    enum Outcome { COMPILED, ISSUES, REFUSED }

    @Test
    void everyMutatedProjectLoadsOrIsRefusedWithAMessage() throws Exception {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("sample-projects"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".dwproj")).sorted().toList()) {
                seeds.add(Files.readString(f));
            }
        }
        Random random = new Random(20261129);
        Map<Mutation, int[]> counts = new EnumMap<>(Mutation.class);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < INPUTS; i++) {
            Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
            String input = mutate(seeds.get(random.nextInt(seeds.size())), m, random);
            Outcome o = run(input, "input " + i + " (" + m + ")");
            counts.computeIfAbsent(m, k -> new int[1])[0]++;
            outcomes.merge(o, 1, Integer::sum);
        }
        // Every kind of mutation was tried, and the mutator reached all three outcomes.
        assertThat(counts).hasSize(Mutation.values().length);
        assertThat(outcomes).containsKeys(Outcome.COMPILED, Outcome.ISSUES, Outcome.REFUSED);
        StringBuilder report = new StringBuilder("fuzz: " + INPUTS + " inputs;");
        counts.forEach((k, v) -> report.append(' ').append(k).append('=').append(v[0]));
        outcomes.forEach((k, v) -> report.append(' ').append(k).append('=').append(v));
        System.out.println(report);
    }

    @Test
    void keptInputsHaveTheOutcomeTheirNameSays() throws Exception {
        List<Path> kept;
        try (Stream<Path> files = Files.list(REGRESSIONS)) {
            kept = files.filter(f -> f.getFileName().toString().endsWith(".dwproj")).sorted().toList();
        }
        assertThat(kept).as("inputs in " + REGRESSIONS).isNotEmpty();
        for (Path f : kept) {
            String name = f.getFileName().toString();
            Outcome expected = Outcome.valueOf(name.substring(0, name.indexOf('-')).toUpperCase(Locale.ROOT));
            assertThat(run(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), name)).as(name).isEqualTo(expected);
        }
    }

    /** Load, check, compile; fail the test (keeping the input) on anything but a clean outcome. */
    private static Outcome run(String input, String name) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Project p;
            try {
                p = new ProjectReader().parse(input);
            } catch (ProjectFormatException e) {
                assertThat(e.getMessage()).as(name).isNotBlank().doesNotContain("Exception");
                return Outcome.REFUSED;
            } catch (RuntimeException e) {
                throw keep(input, name, e);
            }
            try {
                CompileResult r = new GraphCompiler(BlockCatalog.standard()).compile(p.graph(), CompileOptions.forTraining(p.training()));
                r.issues().forEach(issue -> assertThat(issue.message()).as(name).isNotBlank());
                return r.ok() ? Outcome.COMPILED : Outcome.ISSUES;
            } catch (RuntimeException e) {
                throw keep(input, name, e);
            }
        }, name + " took too long");
    }

    private static AssertionError keep(String input, String name, RuntimeException e) {
        try {
            Files.createDirectories(FAILURES);
            Files.writeString(FAILURES.resolve("failed-" + Integer.toHexString(input.hashCode()) + ".dwproj"), input);
        } catch (IOException io) {
            e.addSuppressed(io);
        }
        return new AssertionError(name + " crashed instead of loading or being refused (input kept in " + FAILURES
                + "): " + e, e);
    }

    static String mutate(String json, Mutation m, Random r) throws Exception {
        switch (m) {
            case TRUNCATE:
                return json.substring(0, r.nextInt(json.length()));
            case FLIP_BYTE: {
                byte[] b = json.getBytes(StandardCharsets.UTF_8);
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return new String(b, StandardCharsets.ISO_8859_1);
            }
            case DUPLICATE_KEY: {
                int at = json.indexOf("\"params\": {");
                return at < 0 ? json : json.substring(0, at) + "\"params\": {}, " + json.substring(at);
            }
            default:
                break;
        }
        JsonNode root = JSON.readTree(json);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(r.nextInt(containers.size()));
        switch (m) {
            case DELETE_KEY -> {
                if (target instanceof ObjectNode o && o.size() > 0) {
                    o.remove(fieldNames(o).get(r.nextInt(o.size())));
                }
            }
            case CHANGE_TYPE -> {
                if (target instanceof ObjectNode o && o.size() > 0) {
                    String key = fieldNames(o).get(r.nextInt(o.size()));
                    switch (r.nextInt(5)) {
                        case 0 -> o.put(key, "text");
                        case 1 -> o.putArray(key).add(1);
                        case 2 -> o.putObject(key);
                        case 3 -> o.putNull(key);
                        default -> o.put(key, true);
                    }
                }
            }
            case EXTREME_NUMBER -> {
                ObjectNode params = (ObjectNode) root.path("nodes").path(r.nextInt(Math.max(1, root.path("nodes").size())))
                        .path("params");
                if (params != null && params.size() > 0) {
                    String key = fieldNames(params).get(r.nextInt(params.size()));
                    long[] values = {1_000_000_000L, -4, 0, Long.MAX_VALUE, 3, 65_537, 8192};
                    params.put(key, values[r.nextInt(values.length)]);
                }
            }
            case ADD_WIRE -> {
                ArrayNode nodes = (ArrayNode) root.path("nodes");
                if (root.get("edges") instanceof ArrayNode edges && nodes.size() > 1) {
                    String a = nodes.get(r.nextInt(nodes.size())).path("id").asText();
                    String b = nodes.get(r.nextInt(nodes.size())).path("id").asText();
                    edges.addObject().put("from", a + ".out").put("to", b + (r.nextBoolean() ? ".in" : ".a"));
                }
            }
            case DELETE_NODE -> {
                if (root.get("nodes") instanceof ArrayNode nodes && nodes.size() > 0) {
                    nodes.remove(r.nextInt(nodes.size()));
                }
            }
            default -> throw new IllegalStateException(m.toString());
        }
        return JSON.writeValueAsString(root);
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = o.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collect(child, out));
        }
    }
}
