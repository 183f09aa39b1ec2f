package dev.deepwire.inspect.walk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.deepwire.inspect.Heatmaps;
import dev.deepwire.io.AtomicFiles;
import dev.deepwire.io.WriteFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A walk-through as files: a picture per step ({@code step-01-tokens.png}, …), one self-contained HTML page (the
 * pictures inside it, arrow keys step) that a browser opens without DeepWire, and {@code steps.json} — per step the
 * block, the shapes and min/max/mean of its input and output tensors, the filled-in formula and, for attention
 * blocks, the chosen position's softmax row.
 */
public final class WalkthroughFiles {
    public static final String JSON = "steps.json";
    public static final String HTML = "walkthrough.html";
    /** The step pictures' names; earlier ones in a folder are replaced as a whole. */
    public static final Pattern PICTURE = Pattern.compile("step-\\d{2,}-[A-Za-z0-9_-]+\\.png");

    private WalkthroughFiles() {
    }

    /** Every file by name, in writing order (pictures, then the page, then steps.json). */
    public static Map<String, byte[]> of(Walkthrough walk) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> pictures = new ArrayList<>();
        for (Step s : walk.steps()) {
            String name = pictureName(s);
            files.put(name, png(s, walk));
            pictures.add(name);
        }
        files.put(HTML, html(walk, files).getBytes(StandardCharsets.UTF_8));
        files.put(JSON, json(walk));
        return files;
    }

    /**
     * Writes {@code files} (from {@link #of}) into {@code dir}, made if missing, so the folder holds one walk-through:
     * an earlier one's step pictures are removed first (regular files only: a link or a folder of that name is never
     * followed nor deleted), a link or folder where one of its files goes is refused before anything is written, each
     * file is written whole ({@link AtomicFiles}), and nothing else in the folder is
     * touched. The one way both the command line and the workbench's Export write a walk-through.
     */
    public static void writeInto(Path dir, Map<String, byte[]> files) throws IOException {
        try {
            Files.createDirectories(dir);
            for (String name : files.keySet()) { // all checked before any is written: all or nothing
                Path p = dir.resolve(name);
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    // a folder named by its user may hold what someone else put there: walkthrough.html -> ~/.bashrc
                    // had been replaced by the page, as a run folder's files are never
                    throw WriteFailure.notRegular(p,
                            "; a walk-through never writes through it: remove it yourself or choose another folder");
                }
            }
            List<Path> old;
            try (Stream<Path> in = Files.list(dir)) {
                old = in.filter(p -> PICTURE.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
            }
            for (Path p : old) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw WriteFailure.of(dir, e);
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            AtomicFiles.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    public static String pictureName(Step s) {
        return String.format(Locale.ROOT, "step-%02d-%s.png", s.index() + 1, s.nodeId());
    }

    private static byte[] png(Step s, Walkthrough walk) {
        try {
            return Heatmaps.png(StepPicture.of(walk, s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] json(Walkthrough walk) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("project", walk.project());
        root.put("example", walk.example());
        root.put("position", walk.position());
        root.put("head", walk.head());
        List<Object> steps = new ArrayList<>();
        for (Step s : walk.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", s.index() + 1);
            m.put("block", s.nodeId());
            m.put("label", s.label());
            m.put("type", s.blockType());
            m.put("formula", s.formula());
            m.put("inputs", s.inputs().stream().map(WalkthroughFiles::tensor).toList());
            m.put("outputs", s.outputs().stream().map(WalkthroughFiles::tensor).toList());
            m.put("filledIn", s.lines());
            if (s.attention() != null) {
                AttentionStep a = s.attention();
                Map<String, Object> at = new LinkedHashMap<>();
                at.put("position", a.position());
                at.put("head", a.head());
                at.put("heads", a.heads());
                at.put("keys", a.keys());
                at.put("query", a.query());
                at.put("scores", a.scores());
                at.put("softmaxRow", a.softmax());
                at.put("weightedSum", a.weightedSum());
                m.put("attention", at);
            }
            if (s.triple() != null) {
                m.put("triple", s.triple());
            }
            if (s.prediction() != null) {
                m.put("prediction", s.prediction());
            }
            steps.add(m);
        }
        root.put("steps", steps);
        if (walk.backward() != null) {
            root.put("backward", walk.backward());
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("steps.json could not be written: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> tensor(WalkTensor t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("label", t.shown()); // by the blocks' names, as the workbench shows it
        m.put("vertex", t.vertex());
        m.put("shape", t.shape());
        m.put("min", t.min());
        m.put("max", t.max());
        m.put("mean", t.mean());
        return m;
    }

    private static String html(Walkthrough walk, Map<String, byte[]> pictures) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(walk.project())).append(" — walk-through</title>\n<style>body{background:#1b1d22;color:#d7dae0;"
                        + "font-family:sans-serif;margin:24px}section{display:none}section.on{display:block}img{max-width:100%}"
                        + "pre{font-size:14px;white-space:pre-wrap}button{font-size:16px;margin-right:8px}</style></head><body>\n<h1>")
                .append(esc(walk.project())).append("</h1><p>").append(esc(walk.example()))
                .append(" · position ").append(walk.position()).append(" · head ").append(walk.head())
                .append("</p>\n<p><button id=\"prev\">← Previous</button><button id=\"next\">Next →</button> <span id=\"at\"></span></p>\n");
        for (Step s : walk.steps()) {
            b.append("<section><h2>").append(s.index() + 1).append(". ").append(esc(s.label())).append(" <small>(")
                    .append(esc(s.blockType())).append(")</small></h2><pre>").append(esc(s.formula())).append("\n\n");
            s.lines().forEach(l -> b.append(esc(l)).append('\n'));
            b.append("</pre><img alt=\"step ").append(s.index() + 1).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(pictures.get(pictureName(s)))).append("\"></section>\n");
        }
        if (walk.backward() != null) {
            b.append("<h2>Gradients for this example</h2><p>loss ").append(Numbers.of(walk.backward().loss())).append("</p><pre>");
            walk.backward().wires().forEach(w -> b.append(esc(w.shown())).append("   |∂loss/∂x| = ")
                    .append(Double.isNaN(w.norm()) ? "— (ids)" : Numbers.of(w.norm())).append('\n'));
            b.append("</pre>\n");
        }
        b.append("<script>const s=[...document.querySelectorAll('section')];let i=0;function show(k){i=Math.max(0,"
                + "Math.min(s.length-1,k));s.forEach((e,j)=>e.className=j===i?'on':'');document.getElementById('at')"
                + ".textContent='step '+(i+1)+' of '+s.length}document.getElementById('prev').onclick=()=>show(i-1);"
                + "document.getElementById('next').onclick=()=>show(i+1);document.onkeydown=e=>{if(e.key==='ArrowRight')"
                + "show(i+1);if(e.key==='ArrowLeft')show(i-1)};show(0)</script>\n</body></html>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
