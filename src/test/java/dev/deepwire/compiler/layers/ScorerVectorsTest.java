package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 1-N scorer's one-pass kernels against the ND4J operations they replace, bit for bit: the dropout mask made from
 * uniform draws and applied to the query, DistMult's query and its row gradients (ADR 0011, decision 26).
 */
class ScorerVectorsTest {

    @ParameterizedTest
    @ValueSource(ints = {8192, 37, 5})
    void theDropoutMaskAndTheMaskedQueryAreTheOperationsBitForBit(int n) {
        assertThat(VectorKernels.ON).isTrue();
        double rate = 0.3;
        Nd4j.getRandom().setSeed(n);
        INDArray u = Nd4j.rand(DataType.FLOAT, 1, n);
        u.putScalar(0, (float) rate); // a draw exactly at the rate: dropped (not above it)
        INDArray eh = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5);
        INDArray er = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5);

        INDArray wantMask = u.gt(rate).castTo(DataType.FLOAT).divi(1 - rate);
        INDArray wantQ = eh.mul(er).mul(wantMask);

        INDArray q = Nd4j.createUninitialized(DataType.FLOAT, new long[] {1, n}, 'c');
        ScorerVectors.product(HostArrays.bytes(eh), HostArrays.bytes(er), HostArrays.bytes(q), n);
        INDArray mask = u.dup();
        ScorerVectors.dropout(HostArrays.bytes(mask), (float) rate, 1f / (float) (1 - rate), HostArrays.bytes(q), n);
        assertThat(mask.data().asFloat()).containsExactly(wantMask.data().asFloat());
        assertThat(mask.getFloat(0)).as("a draw equal to the rate is dropped").isZero();
        assertThat(q.data().asFloat()).containsExactly(wantQ.data().asFloat());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void distMultsRowGradientsAreTheOperationsBitForBit(boolean withMask) {
        int n = 128 * 64 + 3;
        Nd4j.getRandom().setSeed(7);
        INDArray dq = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5).muli(1e-3);
        INDArray eh = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5);
        INDArray er = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5);
        INDArray mask = withMask ? Nd4j.rand(DataType.FLOAT, 1, n).gt(0.3).castTo(DataType.FLOAT).divi(0.7) : null;

        INDArray wantDq = withMask ? dq.mul(mask) : dq.dup();
        INDArray wantDeh = wantDq.mul(er);
        INDArray wantDer = wantDq.mul(eh);

        INDArray deh = Nd4j.create(DataType.FLOAT, 1, n);
        INDArray der = Nd4j.create(DataType.FLOAT, 1, n);
        ScorerVectors.distMultBackward(HostArrays.bytes(dq), withMask ? HostArrays.bytes(mask) : null, HostArrays.bytes(eh),
                HostArrays.bytes(er), HostArrays.bytes(deh), HostArrays.bytes(der), n);
        assertThat(dq.data().asFloat()).containsExactly(wantDq.data().asFloat());
        assertThat(deh.data().asFloat()).containsExactly(wantDeh.data().asFloat());
        assertThat(der.data().asFloat()).containsExactly(wantDer.data().asFloat());
    }
}
