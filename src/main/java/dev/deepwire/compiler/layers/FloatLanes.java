package dev.deepwire.compiler.layers;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every vector kernel uses: the machine's preferred width (16 floats with AVX-512, 8 with AVX2),
 * and the byte order of the arrays' native buffers. One owner because two widths in one process slow both: the
 * Vector API's shared code is compiled for the shapes it has seen, and a 256-bit layer norm beside 512-bit Adam ran each
 * at half speed (ADR 0011, decision 21). Loaded only where {@link VectorKernels#ON}.
 */
final class FloatLanes {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats a vector holds. */
    static final int LANES = SPECIES.length();
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private FloatLanes() {
    }
}
