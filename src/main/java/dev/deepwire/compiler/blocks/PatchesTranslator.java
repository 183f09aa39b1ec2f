package dev.deepwire.compiler.blocks;

import dev.deepwire.compiler.BlockTranslator;
import dev.deepwire.compiler.Inferred;
import dev.deepwire.compiler.NodeContext;
import dev.deepwire.compiler.ShapeProblem;
import dev.deepwire.model.TensorShape;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.layers.SpaceToDepthLayer;

/**
 * {@code patches}: an image [c × h × w] as a sequence of its p × p patches [c·p·p × (h/p)(w/p)] — DL4J's
 * {@link SpaceToDepthLayer} (each p × p block of pixels into the channels of one pixel: [c·p·p × h/p × w/p]), then a
 * reshape that reads those pixels, row by row, as the positions (C order: the channels stay the features). No
 * parameters; the gradient flows back through both (gradient-checked).
 */
public final class PatchesTranslator implements BlockTranslator {
    @Override
    public String blockId() {
        return "patches";
    }

    @Override
    public Inferred infer(NodeContext n) throws ShapeProblem {
        TensorShape in = Shapes.requireImage(n.input("in"), "Image patches");
        int p = n.intParam("patch");
        int c = in.features();
        int h = in.dims().get(1);
        int w = in.dims().get(2);
        if (h % p != 0 || w % p != 0) {
            throw new ShapeProblem(p + " × " + p + " patches do not tile a " + h + " × " + w + " image; choose a "
                    + "patch size that divides both (" + divisors(h, w) + ")");
        }
        return Inferred.single(TensorShape.sequence(c * p * p, (h / p) * (w / p), false), 0);
    }

    /** The patch sizes that tile an h × w image, e.g. "1, 2, 4 or 8". */
    static String divisors(int h, int w) {
        StringBuilder out = new StringBuilder();
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int p = 1; p <= Math.min(h, w) && p <= 64; p++) {
            if (h % p == 0 && w % p == 0) {
                all.add(p);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            out.append(i == 0 ? "" : i == all.size() - 1 ? " or " : ", ").append(all.get(i));
        }
        return out.toString();
    }

    @Override
    public void build(NodeContext n, GraphBuilder b) {
        TensorShape in = n.input("in");
        int p = n.intParam("patch");
        int features = in.features() * p * p;
        int patches = (in.dims().get(1) / p) * (in.dims().get(2) / p);
        b.addLayer(n.part("blocks"), new SpaceToDepthLayer.Builder(p, CNN2DFormat.NCHW).build(), n.inputVertex("in"));
        b.addVertex(n.id(), new ReshapeVertex('c', new int[] {-1, features, patches}, null), n.part("blocks"));
    }
}
