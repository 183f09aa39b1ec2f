package dev.deepwire.compiler;

import dev.deepwire.model.Edge;
import dev.deepwire.model.Graph;
import dev.deepwire.model.TensorShape;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Random inputs, padding masks and labels that fit a compiled network: ids within their range, masks
 * where an input is masked (example i keeps {@code max(minKept, T − i)} positions), labels per output kind.
 */
public record RandomBatch(INDArray[] inputs, INDArray[] masks, INDArray[] labels) {

    public static RandomBatch of(Graph graph, CompiledNetwork net, int batch, int minKept, DataType type, long seed) {
        Random r = new Random(seed);
        INDArray[] inputs = new INDArray[net.inputs().size()];
        INDArray[] masks = new INDArray[inputs.length];
        boolean anyMask = false;
        for (int i = 0; i < inputs.length; i++) {
            TensorShape s = net.inputs().get(i).shape();
            long[] shape = new long[s.dims().size() + 1];
            shape[0] = batch;
            for (int d = 0; d < s.dims().size(); d++) {
                shape[d + 1] = s.dims().get(d);
            }
            switch (s.kind()) {
                case TOKEN_IDS -> inputs[i] = ids(r, batch, s.length(), s.range(), type);
                case ID -> inputs[i] = ids(r, batch, 1, s.range(), type);
                default -> inputs[i] = Nd4j.rand(type, shape).subi(0.5).muli(2);
            }
            if (s.masked()) {
                anyMask = true;
                masks[i] = Nd4j.zeros(type, batch, s.length());
                for (int b = 0; b < batch; b++) {
                    int keep = Math.max(minKept, s.length() - b);
                    for (int t = 0; t < keep; t++) {
                        masks[i].putScalar(b, t, 1.0);
                    }
                }
            }
        }
        INDArray[] labels = new INDArray[net.outputs().size()];
        for (int i = 0; i < labels.length; i++) {
            CompiledNetwork.Output out = net.outputs().get(i);
            int size = out.size();
            labels[i] = switch (out.blockType()) {
                case "softmax_output" -> oneHot(r, batch, size, type);
                case "sequence_softmax_output" -> {
                    Edge in = graph.edges().stream().filter(e -> e.to().nodeId().equals(out.nodeId())).findFirst().orElseThrow();
                    int t = net.shapes().shapeOf(in).orElseThrow().length();
                    INDArray l = Nd4j.zeros(type, batch, size, t);
                    for (int b = 0; b < batch; b++) {
                        for (int s = 0; s < t; s++) {
                            l.putScalar(new long[] {b, r.nextInt(size), s}, 1.0);
                        }
                    }
                    yield l;
                }
                case "regression_output" -> Nd4j.randn(type, batch, size);
                case "link_ranking_output" -> ids(r, batch, 1, size, type); // the answer's id among all entities
                default -> ids(r, batch, size, 2, type); // 0/1 targets
            };
        }
        return new RandomBatch(inputs, anyMask ? masks : null, labels);
    }

    private static INDArray ids(Random r, int batch, int length, int range, DataType type) {
        INDArray a = Nd4j.zeros(type, batch, length);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < length; t++) {
                a.putScalar(b, t, r.nextInt(range));
            }
        }
        return a;
    }

    private static INDArray oneHot(Random r, int batch, int classes, DataType type) {
        INDArray a = Nd4j.zeros(type, batch, classes);
        for (int b = 0; b < batch; b++) {
            a.putScalar(b, r.nextInt(classes), 1.0);
        }
        return a;
    }
}
