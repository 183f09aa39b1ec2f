package dev.deepwire.training.eval;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A per-triple MLP scorer's scores for every candidate entity, by parts: {@code kg_mlp_score} computes
 * {@code w₂ · φ(W · (E(h) ⊕ E(t) ⊕ E(r)) + b) + b₂}, and with ⊕ a concatenation (or a sum) the hidden layer's input
 * product is a sum of one product per part — {@code W_h E(h) + W_t E(t) + W_r E(r)}. Ranking a query's open place
 * against all N entities, the candidates' part {@code E(x) W_x} is the same for every query: worked out once
 * ([N × hidden]), each query adds its fixed parts (one row) and takes φ and the dot with w₂. The whole network run
 * on N candidate triples per query did N products of the joined width each time: the evaluation of
 * wordnet-links-sampled (2,000 triples, 4,000 entities) was some 400 billion multiply-adds, these some 2 billion.
 *
 * <p>Only networks of that shape are scored so ({@link #of}; anything else is run whole), and every use is checked:
 * {@link #agrees} compares one query's scores with the whole network's before a ranking relies on them, so a
 * network whose parts are not what they seem (a part that depends on another input) is run whole. The sums are
 * in another order than the whole product's: scores agree to float rounding.
 */
final class MlpTripleScores {
    /** The network inputs' order and the joined parts' order of {@code kg_mlp_score}: head, relation, tail / head, tail, relation. */
    private static final int HEAD = 0;
    private static final int RELATION = 1;
    private static final int TAIL = 2;

    /** How many queries have been scored by parts in this process (for tests). */
    private static final java.util.concurrent.atomic.AtomicLong SCORED = new java.util.concurrent.atomic.AtomicLong();

    private final ComputationGraph net;
    /** The joined vertex's inputs, in its order, and which network input each stands for. */
    private final List<String> parts;
    private final int[] partInput;
    private final boolean concatenated;
    private final Layer hidden;
    /** The hidden layer's φ (a dense layer's, as {@link #of} found it). */
    private final org.nd4j.linalg.activations.IActivation phi;
    private final Layer score;
    private final Layer output;
    /** The candidates' part times its rows of W, per open place (tail, head); made when first asked. */
    private INDArray tailCandidates;
    private INDArray headCandidates;

    private MlpTripleScores(ComputationGraph net, List<String> parts, int[] partInput, boolean concatenated,
                            Layer hidden, Layer score, Layer output) {
        this.net = net;
        this.parts = parts;
        this.partInput = partInput;
        this.concatenated = concatenated;
        this.hidden = hidden;
        this.phi = ((DenseLayer) hidden.conf().getLayer()).getActivationFn();
        this.score = score;
        this.output = output;
    }

    /**
     * The scorer by parts for a network of the {@code kg_mlp_score} shape — three inputs (head, relation, tail), the
     * output layer on a one-unit identity dense layer on a dense layer on a concatenation or sum of three vertices —
     * or null.
     */
    static MlpTripleScores of(ComputationGraph net) {
        var conf = net.getConfiguration();
        if (conf.getNetworkInputs().size() != 3 || conf.getNetworkOutputs().size() != 1) {
            return null;
        }
        Map<String, List<String>> inputs = conf.getVertexInputs();
        String out = conf.getNetworkOutputs().get(0);
        String scoreName = single(inputs.get(out));
        String hiddenName = scoreName == null ? null : single(inputs.get(scoreName));
        String joined = hiddenName == null ? null : single(inputs.get(hiddenName));
        if (joined == null || !dense(conf.getVertices().get(scoreName)) || !dense(conf.getVertices().get(hiddenName))) {
            return null;
        }
        GraphVertex join = conf.getVertices().get(joined);
        boolean concatenated = join instanceof MergeVertex;
        if (!concatenated && !(join instanceof ElementWiseVertex e && e.getOp() == ElementWiseVertex.Op.Add)) {
            return null;
        }
        List<String> parts = inputs.get(joined);
        Layer score = net.getLayer(scoreName);
        Layer hidden = net.getLayer(hiddenName);
        DenseLayer scoreConf = (DenseLayer) score.conf().getLayer();
        if (parts == null || parts.size() != 3 || scoreConf.getNOut() != 1
                || !(scoreConf.getActivationFn() instanceof ActivationIdentity)
                || net.getConfiguration().getDataType() != DataType.FLOAT && net.getConfiguration().getDataType() != DataType.DOUBLE) {
            return null;
        }
        // kg_mlp_score joins head, tail, relation (KgMlpScoreTranslator); the network's inputs are head, relation, tail
        return new MlpTripleScores(net, parts, new int[] {HEAD, TAIL, RELATION}, concatenated, hidden, score,
                net.getLayer(out));
    }

    /** How many queries have been scored by parts in this process. */
    static long scored() {
        return SCORED.get();
    }

    private static String single(List<String> names) {
        return names != null && names.size() == 1 ? names.get(0) : null;
    }

    private static boolean dense(GraphVertex v) {
        return v instanceof LayerVertex l && l.getLayerConf().getLayer() instanceof DenseLayer d
                && d.getIDropout() == null && d.getWeightNoise() == null;
    }

    /**
     * The output layer's score of every entity in the open place of each query: row i for query i, tail queries
     * ({@code tail[i]}) trying every tail of (h, r), head queries every head of (r, t).
     */
    double[][] scores(List<int[]> triples, boolean[] tail, int entities) {
        INDArray fixed = fixedParts(triples);
        double[][] scores = new double[triples.size()][];
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        for (int i = 0; i < triples.size(); i++) {
            boolean t = tail[i];
            INDArray candidates = candidates(t, entities);
            INDArray row = fixed.getRow(i * 2L + (t ? 0 : 1), true);
            INDArray z = candidates.addRowVector(row);
            INDArray a = phi.getActivation(z, false);
            INDArray s = a.mmul(score.getParam("W")).addiRowVector(score.getParam("b"));
            output.setInput(s, mgr);
            INDArray o = output.activate(false, mgr);
            scores[i] = o.reshape(entities).toDoubleVector();
            output.clear();
            ModelScore.release(z, s, o);
        }
        ModelScore.release(fixed);
        SCORED.addAndGet(triples.size());
        return scores;
    }

    /**
     * Whether this scorer gives the whole network's scores for {@code triple} with its tail open ({@code wholeTail})
     * and its head open ({@code wholeHead}), to float rounding (1e-4 of the larger of 1 and the score; the sigmoid
     * outputs differ by some 1e-7). The triple should have no id 0: the candidates' part is worked out with head,
     * relation and tail 0 in the fixed places, and a part that depends on them would agree by chance with a 0 there.
     */
    boolean agrees(int[] triple, double[] wholeTail, double[] wholeHead, int entities) {
        double[][] parts = scores(List.of(triple, triple), new boolean[] {true, false}, entities);
        return close(parts[0], wholeTail) && close(parts[1], wholeHead);
    }

    private static boolean close(double[] parts, double[] whole) {
        if (parts.length != whole.length) {
            return false;
        }
        for (int e = 0; e < whole.length; e++) {
            if (!(Math.abs(parts[e] - whole[e]) <= 1e-4 * Math.max(1, Math.abs(whole[e])))) {
                return false;
            }
        }
        return true;
    }

    /** Frees the candidates' products. */
    void release() {
        ModelScore.release(tailCandidates, headCandidates);
        tailCandidates = null;
        headCandidates = null;
    }

    /**
     * For each triple two rows of {@code W_fixed · parts + b}: its tail open (head and relation fixed), then its head
     * open (relation and tail fixed).
     */
    private INDArray fixedParts(List<int[]> triples) {
        INDArray[] activations = partsOf(triples.stream().map(t -> new int[] {t[0], t[1], t[2]}).toList());
        INDArray w = hidden.getParam("W");
        INDArray b = hidden.getParam("b");
        INDArray rows = Nd4j.create(w.dataType(), triples.size() * 2L, w.size(1));
        for (int open : new int[] {TAIL, HEAD}) {
            INDArray sum = null;
            for (int p = 0; p < parts.size(); p++) {
                if (partInput[p] != open) {
                    INDArray product = activations[p].mmul(rowsOf(w, p, activations));
                    sum = sum == null ? product : sum.addi(product);
                }
            }
            sum.addiRowVector(b);
            for (int i = 0; i < triples.size(); i++) {
                rows.putRow(i * 2L + (open == TAIL ? 0 : 1), sum.getRow(i));
            }
        }
        return rows;
    }

    /** The candidates' part times its rows of W: every entity in the open place. */
    private INDArray candidates(boolean tail, int entities) {
        INDArray kept = tail ? tailCandidates : headCandidates;
        if (kept != null) {
            return kept;
        }
        int open = tail ? TAIL : HEAD;
        List<int[]> rows = new java.util.ArrayList<>(entities);
        for (int e = 0; e < entities; e++) {
            rows.add(tail ? new int[] {0, 0, e} : new int[] {e, 0, 0});
        }
        INDArray[] activations = partsOf(rows);
        INDArray w = hidden.getParam("W");
        INDArray product = null;
        for (int p = 0; p < parts.size(); p++) {
            if (partInput[p] == open) {
                product = activations[p].mmul(rowsOf(w, p, activations));
            }
        }
        if (tail) {
            tailCandidates = product;
        } else {
            headCandidates = product;
        }
        return product;
    }

    /** Part p's rows of the hidden layer's W: its columns' share of the concatenation, or all of W for a sum. */
    private INDArray rowsOf(INDArray w, int p, INDArray[] activations) {
        if (!concatenated) {
            return w;
        }
        long from = 0;
        for (int q = 0; q < p; q++) {
            from += activations[q].size(1);
        }
        return w.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, from + activations[p].size(1)),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
    }

    /** The joined vertex's three inputs for these (head, relation, tail) rows, in its order. */
    private INDArray[] partsOf(List<int[]> rows) {
        DataType type = net.getConfiguration().getDataType();
        INDArray[] in = new INDArray[3];
        for (int k = 0; k < 3; k++) {
            double[][] ids = new double[rows.size()][1];
            for (int i = 0; i < rows.size(); i++) {
                ids[i][0] = rows.get(i)[k];
            }
            in[k] = Nd4j.createFromArray(ids).castTo(type);
        }
        // the whole forward pass (the joined vertex's inputs are not layers: DL4J's output(List, …) of a vertex that is
        // no layer leaves a workspace open): one pass over the N candidates per open place, one per batch of queries
        Map<String, INDArray> all = net.feedForward(in, false);
        INDArray[] out = new INDArray[parts.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = all.get(parts.get(p));
        }
        ModelScore.release(in);
        return out;
    }
}
