package dev.deepwire.cli;

import dev.deepwire.testing.SmallMarker;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepwire project-embeddings}: writes the picture and the points, refuses what it cannot draw with exit 2. */
class ProjectEmbeddingsCommandTest {
    @RegisterExtension
    final CapturedConsole console = new CapturedConsole();

    @TempDir
    Path dir;

    private Path project;
    private Path model;

    @BeforeEach
    void trainAFewSteps() throws Exception {
        project = SmallMarker.file(dir, "marker.dwproj");
        model = SmallMarker.trainedModel(project, dir);
        console.reset();
    }

    @Test
    void writesAPngAndACsvOfThePositionTable() throws Exception {
        Path png = dir.resolve("pos.png");
        Path csv = dir.resolve("pos.csv");
        int code = DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "pos", "--png", png.toString(), "--csv", csv.toString());
        assertThat(code).as(console.err()).isEqualTo(0);
        assertThat(console.out()).contains("pos · ").contains("24 rows × 64").contains("PCA").contains("coloured by position");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("row,label,x,y,position");
        assertThat(lines).hasSize(25);
        assertThat(lines.get(4)).startsWith("3,3,").endsWith(",3");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(600);
    }

    @Test
    void tsneOfTheTokenTableWritesOneLinePerToken() throws Exception {
        Path csv = dir.resolve("tokens.csv");
        int code = DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "embed", "--method", "tsne", "--csv", csv.toString());
        assertThat(code).as(console.err()).isEqualTo(0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(33);
        assertThat(lines).anyMatch(l -> l.contains(",<M>,"));
        assertThat(console.out()).contains("t-SNE of 32 rows");
    }

    @Test
    void aBlockWithoutATableIsRefusedWithExitTwoNamingTheTables() {
        int code = DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "attn", "--png", dir.resolve("x.png").toString());
        assertThat(code).isEqualTo(2);
        assertThat(console.err()).contains("--node attn: no embedding table there").contains("embed").contains("pos")
                .doesNotContain("Exception");
        assertThat(dir.resolve("x.png")).doesNotExist();
        assertThat(DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "nowhere", "--csv", dir.resolve("y.csv").toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "pos", "--method", "umap", "--csv", dir.resolve("y.csv").toString())).isEqualTo(2);
        assertThat(DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "pos")).as("no output named").isEqualTo(2);
        assertThat(DeepWireCli.execute("project-embeddings", project.toString(), "--model", model.toString(),
                "--node", "pos", "--colour", "language", "--csv", dir.resolve("y.csv").toString())).isEqualTo(2);
        assertThat(dir.resolve("y.csv")).doesNotExist();
    }
}
