package dev.deepwire.compiler.layers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 1-N scorer's one-pass kernels against the ND4J operations they replace, bit for bit: the dropout mask made from
 * uniform draws and applied to the query, DistMult's and ComplEx's queries and their row gradients (ADR 0011, decision 26).
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

    @ParameterizedTest
    @ValueSource(ints = {64, 19})
    void complexsQueryAndRowGradientsAreTheOperationsBitForBit(int d) {
        int rows = 33;
        Nd4j.getRandom().setSeed(d);
        INDArray eh = Nd4j.rand(DataType.FLOAT, rows, 2 * d).subi(0.5);
        INDArray er = Nd4j.rand(DataType.FLOAT, rows, 2 * d).subi(0.5);
        INDArray dq = Nd4j.rand(DataType.FLOAT, rows, 2 * d).subi(0.5).muli(1e-3);
        INDArray mask = Nd4j.rand(DataType.FLOAT, rows, 2 * d).gt(0.3).castTo(DataType.FLOAT).divi(0.7);
        org.nd4j.linalg.indexing.INDArrayIndex all = org.nd4j.linalg.indexing.NDArrayIndex.all();
        org.nd4j.linalg.indexing.INDArrayIndex re = org.nd4j.linalg.indexing.NDArrayIndex.interval(0, d);
        org.nd4j.linalg.indexing.INDArrayIndex im = org.nd4j.linalg.indexing.NDArrayIndex.interval(d, 2 * d);
        INDArray a = eh.get(all, re);
        INDArray b = eh.get(all, im);
        INDArray c = er.get(all, re);
        INDArray e = er.get(all, im);
        INDArray wantQ = Nd4j.hstack(a.mul(c).subi(b.mul(e)), a.mul(e).addi(b.mul(c)));
        INDArray wantDq = dq.mul(mask);
        INDArray dre = wantDq.get(all, re);
        INDArray dim = wantDq.get(all, im);
        INDArray wantDeh = Nd4j.hstack(dre.mul(c).addi(dim.mul(e)), dim.mul(c).subi(dre.mul(e)));
        INDArray wantDer = Nd4j.hstack(dre.mul(a).addi(dim.mul(b)), dim.mul(a).subi(dre.mul(b)));

        INDArray q = Nd4j.create(DataType.FLOAT, rows, 2 * d);
        ScorerVectors.complexProduct(HostArrays.bytes(eh), HostArrays.bytes(er), HostArrays.bytes(q), rows, d);
        INDArray deh = Nd4j.create(DataType.FLOAT, rows, 2 * d);
        INDArray der = Nd4j.create(DataType.FLOAT, rows, 2 * d);
        ScorerVectors.complexBackward(HostArrays.bytes(dq), HostArrays.bytes(mask), HostArrays.bytes(eh),
                HostArrays.bytes(er), HostArrays.bytes(deh), HostArrays.bytes(der), rows, d);
        assertThat(q.data().asFloat()).containsExactly(wantQ.data().asFloat());
        assertThat(dq.data().asFloat()).containsExactly(wantDq.data().asFloat());
        assertThat(deh.data().asFloat()).containsExactly(wantDeh.data().asFloat());
        assertThat(der.data().asFloat()).containsExactly(wantDer.data().asFloat());
    }
}
