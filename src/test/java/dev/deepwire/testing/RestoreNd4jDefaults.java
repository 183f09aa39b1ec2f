package dev.deepwire.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Puts ND4J's default data types back after every test. Gradient checks switch the whole JVM to doubles;
 * without this the next test in the same JVM would silently run in double precision (slower, and no longer
 * what the application does). Registered for every test by service loading (junit-platform.properties).
 */
public final class RestoreNd4jDefaults implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RestoreNd4jDefaults.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("types", new DataType[] {Nd4j.dataType(), Nd4j.defaultFloatingPointType()});
    }

    @Override
    public void afterEach(ExtensionContext context) {
        DataType[] types = context.getStore(NS).remove("types", DataType[].class);
        if (types != null) {
            Nd4j.setDefaultDataTypes(types[0], types[1]);
        }
    }
}
