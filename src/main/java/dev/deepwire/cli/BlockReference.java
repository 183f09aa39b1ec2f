package dev.deepwire.cli;

import dev.deepwire.model.BlockCatalog;
import dev.deepwire.model.BlockCategory;
import dev.deepwire.model.BlockType;
import dev.deepwire.model.ParamSpec;
import dev.deepwire.model.ParamType;
import dev.deepwire.model.PortKind;
import dev.deepwire.model.PortSpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The block catalog written out for people: a terminal listing, or the Markdown of {@code docs/blocks.md}. */
final class BlockReference {
    private BlockReference() {
    }

    static String text(BlockCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        for (BlockCategory c : BlockCategory.values()) {
            List<BlockType> blocks = inCategory(catalog, c);
            if (blocks.isEmpty()) {
                continue;
            }
            sb.append(c.label()).append('\n');
            for (BlockType t : blocks) {
                sb.append(String.format("  %-24s %s%n", t.id(), t.label()));
                sb.append("      in:     ").append(ports(t.inputs(), true, false)).append('\n');
                sb.append("      out:    ").append(ports(t.outputs(), false, false)).append('\n');
                if (!t.params().isEmpty()) {
                    sb.append("      params: ").append(t.params().stream().map(BlockReference::param)
                            .collect(Collectors.joining("; "))).append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String markdown(BlockCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# DeepWire block reference\n\n")
                .append("Every block the workbench offers, by palette group. Generated from the catalog by ")
                .append("`deepwire blocks --markdown` (a test keeps this page in step with the code).\n\n")
                .append("Port kinds: ").append(Arrays.stream(PortKind.values()).map(PortKind::label)
                        .collect(Collectors.joining(", "))).append(". Sequences are `features × length`, ")
                .append("images `channels × height × width`; the batch dimension is implied.\n");
        for (BlockCategory c : BlockCategory.values()) {
            List<BlockType> blocks = inCategory(catalog, c);
            if (blocks.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(c.label()).append("\n");
            for (BlockType t : blocks) {
                sb.append("\n### ").append(t.label()).append(" — `").append(t.id()).append("`\n\n")
                        .append(t.help()).append("\n\n")
                        .append("Formula: `").append(t.formula()).append("`\n\n")
                        .append("- Inputs: ").append(ports(t.inputs(), true, true)).append('\n')
                        .append("- Outputs: ").append(ports(t.outputs(), false, true)).append('\n');
                if (!t.params().isEmpty()) {
                    sb.append("\n| Parameter | Type | Default | Allowed | Meaning |\n|---|---|---|---|---|\n");
                    for (ParamSpec p : t.params()) {
                        sb.append("| `").append(p.name()).append("` ").append(p.label()).append(" | ")
                                .append(p.type().name().toLowerCase()).append(" | ").append(p.defaultValue())
                                .append(" | ").append(p.describeAllowed()).append(" | ").append(p.help()).append(" |\n");
                    }
                }
            }
        }
        return sb.toString();
    }

    private static List<BlockType> inCategory(BlockCatalog catalog, BlockCategory c) {
        return catalog.all().stream().filter(t -> t.category() == c).toList();
    }

    private static String ports(List<PortSpec> ports, boolean inputs, boolean md) {
        if (ports.isEmpty()) {
            return "none";
        }
        return ports.stream().map(p -> (md ? "`" + p.name() + "`" : p.name()) + " ("
                + p.kinds().stream().map(PortKind::label).sorted().collect(Collectors.joining(" or "))
                + (inputs && !p.required() ? ", optional" : "") + ")"
                + (md ? " " + p.help() : "")).collect(Collectors.joining(md ? "; " : ", "));
    }

    private static String param(ParamSpec p) {
        return p.name() + "=" + p.defaultValue() + (p.type() == ParamType.BOOLEAN ? "" : " (" + p.describeAllowed() + ")");
    }
}
