package dev.deepwire.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of block as data: its stable id, label, category, named ports, parameters, help text and the
 * formula it computes.
 */
public record BlockType(String id, String label, BlockCategory category, String help, String formula,
                        List<PortSpec> inputs, List<PortSpec> outputs, List<ParamSpec> params) {

    public BlockType {
        Objects.requireNonNull(id, "id");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** True for blocks that feed data into the network (they have no inputs). */
    public boolean isInput() {
        return inputs.isEmpty();
    }

    /** True for blocks that produce a loss (they have no outputs). */
    public boolean isOutput() {
        return outputs.isEmpty();
    }
}
