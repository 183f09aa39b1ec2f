package dev.deepwire.compiler.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Cuts a layer's flat parameter (or gradient) view into named, shaped views, in order. */
final class ParamSlices {
    private ParamSlices() {
    }

    /** {@code names[i]} gets shape {@code shapes[i]}; the views share memory with {@code view}. */
    static Map<String, INDArray> split(INDArray view, String[] names, long[][] shapes) {
        INDArray row = view.rank() == 1 ? view.reshape(1, view.length()) : view;
        Map<String, INDArray> out = new LinkedHashMap<>();
        long at = 0;
        for (int i = 0; i < names.length; i++) {
            long n = 1;
            for (long s : shapes[i]) {
                n *= s;
            }
            out.put(names[i], row.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(at, at + n)).reshape('c', shapes[i]));
            at += n;
        }
        return out;
    }
}
