package dev.deepwire.ui.editor;

import dev.deepwire.model.Port;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.PortSpec;
import java.util.stream.Collectors;
import javafx.scene.shape.Circle;

/** A port circle on a block's edge, coloured by the kinds it carries. */
final class PortView extends Circle {
    static final double RADIUS = 6;
    private final Port port;
    private final boolean input;
    private final PortSpec spec;

    PortView(Port port, PortSpec spec, boolean input) {
        super(RADIUS);
        this.port = port;
        this.spec = spec;
        this.input = input;
        getStyleClass().addAll("port", "port-" + spec.kinds().iterator().next().name().toLowerCase().replace('_', '-'));
        LazyTooltip.install(this, () -> (input ? "input " : "output ") + spec.name() + ": "
                + spec.kinds().stream().map(PortKind::label).sorted().collect(Collectors.joining(" or "))
                + (spec.help().isEmpty() ? "" : "\n" + spec.help()));
    }

    Port port() {
        return port;
    }

    boolean isInput() {
        return input;
    }

    PortSpec spec() {
        return spec;
    }
}
