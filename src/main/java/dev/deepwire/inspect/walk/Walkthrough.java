package dev.deepwire.inspect.walk;

import java.util.List;
import java.util.Optional;

/**
 * One example followed through the network: a step per block in topological order (inputs first, outputs last), each
 * with the model's own activations for that example, and optionally the way back (gradients for this example).
 *
 * @param example  what was run, e.g. {@code validation example 3} or {@code typed "a b <M> c"}
 * @param position the sequence position whose numbers the formulas show
 * @param head     the attention head whose numbers the formulas show
 */
public record Walkthrough(String project, String example, int position, int head, List<Step> steps, Backward backward) {
    public Walkthrough {
        steps = List.copyOf(steps);
    }

    /** The step of a block, if it has one. */
    public Optional<Step> step(String nodeId) {
        return steps.stream().filter(s -> s.nodeId().equals(nodeId)).findFirst();
    }

    /**
     * Whether choosing a position changes what the steps show: some block's tensor is a sequence. In an image or
     * vector network the Position box offered 0 to 4095 and changed nothing.
     */
    public boolean hasPositions() {
        return steps.stream().flatMap(s -> java.util.stream.Stream.concat(s.inputs().stream(), s.outputs().stream()))
                .anyMatch(WalkTensor::isSequence);
    }

    /** Whether choosing a head changes what the steps show: some block's step is attention's. */
    public boolean hasHeads() {
        return steps.stream().anyMatch(s -> s.attention() != null);
    }

    /** The same walk-through with the way back added. */
    public Walkthrough withBackward(Backward back) {
        return new Walkthrough(project, example, position, head, steps, back);
    }
}
