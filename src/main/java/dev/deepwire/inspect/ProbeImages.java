package dev.deepwire.inspect;

import dev.deepwire.data.Dataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The picture behind an image input of a probe example, as rows of pixels for drawing under attention. */
public final class ProbeImages {
    private ProbeImages() {
    }

    /** Example {@code example} of input {@code input} (a sequence of image rows) as [row][column] values. */
    public static float[][] pixels(Dataset data, int input, int example) {
        return data.features()[input].get(NDArrayIndex.point(example)).castTo(DataType.FLOAT).toFloatMatrix();
    }

    /** Whether input {@code input} is a sequence of vectors (image rows, not token ids). */
    public static boolean isSequence(Dataset data, int input) {
        return data.features()[input].rank() == 3;
    }

    /** Whether input {@code input} holds token ids. */
    public static boolean isTokens(Dataset data, int input) {
        return data.features()[input].rank() == 2;
    }
}
