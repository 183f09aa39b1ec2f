package dev.deepwire.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A test that switches ND4J to another precision does not leave the next test in it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreNd4jDefaultsTest {
    private static DataType before;

    @Test
    @Order(1)
    void switchesToAnotherPrecision() {
        before = Nd4j.dataType();
        DataType other = before == DataType.DOUBLE ? DataType.HALF : DataType.DOUBLE;
        Nd4j.setDefaultDataTypes(other, other);
        assertThat(Nd4j.dataType()).isEqualTo(other);
    }

    @Test
    @Order(2)
    void theNextTestHasTheOriginalBack() {
        assertThat(before).isNotNull();
        assertThat(Nd4j.dataType()).isEqualTo(before);
    }
}
