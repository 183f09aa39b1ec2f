package dev.deepwire.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** PCA finds a table's known principal direction; t-SNE keeps two far-apart clusters apart. */
class ProjectionTest {

    /** 200 rows in 8-D spread along one unit direction (standard deviation 5) with small noise (0.1) elsewhere. */
    private static float[][] alongDirection(double[] direction, Random random) {
        float[][] rows = new float[200][direction.length];
        for (int i = 0; i < rows.length; i++) {
            double t = 5 * random.nextGaussian();
            for (int j = 0; j < direction.length; j++) {
                rows[i][j] = (float) (3 + t * direction[j] + 0.1 * random.nextGaussian());
            }
        }
        return rows;
    }

    private static double[] unit(double... v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        double[] out = v.clone();
        for (int i = 0; i < v.length; i++) {
            out[i] /= Math.sqrt(n);
        }
        return out;
    }

    @Test
    void pcaRecoversAKnownPrincipalDirection() {
        double[] direction = unit(1, -2, 0.5, 3, 0, 0, -1, 2);
        float[][] table = alongDirection(direction, new Random(7));
        double[] first = Projection.principalAxes(table, 2)[0];
        double cosine = 0;
        for (int j = 0; j < direction.length; j++) {
            cosine += first[j] * direction[j];
        }
        assertThat(Math.abs(cosine)).as("|cos| between the first principal axis and the true direction").isGreaterThan(0.999);
        assertThat(cosine).as("sign convention: the largest component is positive (here 3/√…)").isPositive();

        Projection p = Projection.pca(table);
        assertThat(p.rows()).hasSize(200);
        double varX = 0;
        double varY = 0;
        for (double[] xy : p.xy()) {
            varX += xy[0] * xy[0];
            varY += xy[1] * xy[1];
        }
        assertThat(varX).as("the first axis carries the spread").isGreaterThan(100 * varY);
        assertThat(p.note()).as("25 of about 25.08 units of variance lie in the first two axes").contains("100%").startsWith("PCA");
    }

    @Test
    void pcaCoordinatesAreTheCentredRowsAlongTheAxes() {
        float[][] table = {{1, 0}, {3, 0}, {2, 1}, {2, -1}, {0, 0}, {4, 0}};
        Projection p = Projection.pca(table);
        // x varies most (from 0 to 4 around 2), so the first coordinate is x − 2 and the second ±y.
        for (int i = 0; i < table.length; i++) {
            assertThat(p.xy()[i][0]).isCloseTo(table[i][0] - 2, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Math.abs(p.xy()[i][1])).isCloseTo(Math.abs(table[i][1]), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void tsneKeepsTwoDistantClustersApartAndIsRepeatable() {
        Random random = new Random(3);
        float[][] table = new float[60][5];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < 5; j++) {
                table[i][j] = (float) ((i < 30 ? 0 : 20) + random.nextGaussian());
            }
        }
        Projection p = Projection.tsne(table, 1);
        double[] a = mean(p.xy(), 0, 30);
        double[] b = mean(p.xy(), 30, 60);
        double between = Math.hypot(a[0] - b[0], a[1] - b[1]);
        double within = 0;
        for (int i = 0; i < 60; i++) {
            double[] c = i < 30 ? a : b;
            within = Math.max(within, Math.hypot(p.xy()[i][0] - c[0], p.xy()[i][1] - c[1]));
        }
        assertThat(between).as("distance between the clusters' centres vs the widest cluster radius").isGreaterThan(within);
        assertThat(Projection.tsne(table, 1).xy()).isDeepEqualTo(p.xy());
    }

    @Test
    void tsneOfALargeTableDrawsEveryKthRowWithinTheLimit() {
        assertThat(Projection.sampled(Projection.TSNE_ROWS)).hasSize(Projection.TSNE_ROWS).startsWith(0, 1, 2);
        int[] rows = Projection.sampled(2 * Projection.TSNE_ROWS + 2);
        assertThat(rows.length).isLessThanOrEqualTo(Projection.TSNE_ROWS);
        assertThat(rows).startsWith(0, 3, 6);
        assertThat(rows[rows.length - 1]).isGreaterThan(2 * Projection.TSNE_ROWS - 3);
        assertThatThrownBy(() -> Projection.tsne(new float[3][2], 1)).hasMessageContaining("at least 4 rows");
    }

    private static double[] mean(double[][] xy, int from, int to) {
        double[] m = new double[2];
        for (int i = from; i < to; i++) {
            m[0] += xy[i][0] / (to - from);
            m[1] += xy[i][1] / (to - from);
        }
        return m;
    }
}
