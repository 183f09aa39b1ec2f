package dev.deepwire.inspect.walk;

import java.util.List;
import java.util.Map;

/**
 * The way back for one example: its loss, the norm of the loss's gradient with respect to the tensor on each wire
 * (where learning pressure lands), and with respect to each block's parameters.
 *
 * @param wires  gradient norm per wire, in the order the walk-through goes back (outputs first)
 * @param blocks gradient norm of each block's parameters (blocks without parameters left out)
 */
public record Backward(double loss, List<WireGradient> wires, Map<String, Double> blocks) {
    public Backward {
        wires = List.copyOf(wires);
        blocks = Map.copyOf(blocks);
    }

    /** The gradient norm on one wire: from a block's port to another's. */
    public record WireGradient(String wire, String fromNode, String toNode, double norm, String shown) {
        public WireGradient(String wire, String fromNode, String toNode, double norm) {
            this(wire, fromNode, toNode, norm, wire);
        }
    }
}
