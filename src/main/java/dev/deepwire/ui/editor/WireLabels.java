package dev.deepwire.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;

/**
 * Keeps routed wires and their shape labels readable: wires leaving one output are drawn a few pixels apart so
 * each can be seen, and each output's shape is written once, on a straight run clear of every block, port and
 * other label; where no run is clear the label is left off and the shape is shown on hovering the wire.
 */
final class WireLabels {
    /** How far apart wires from one output run, in pixels. */
    static final double SPREAD = 5;
    private static final double PORT_CLEARANCE = 18;

    private WireLabels() {
    }

    /**
     * The route moved {@code k} × {@link #SPREAD} pixels across, except where it leaves and enters its ports:
     * inner vertical runs move right, inner horizontal runs move down, so the route keeps its right angles.
     */
    static List<double[]> spread(List<double[]> route, int k) {
        int n = route.size();
        if (k == 0 || n < 4) {
            return route;
        }
        double d = k * SPREAD;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int i = 1; i + 2 < n; i++) { // segments i → i+1 with both ends inside the route
            double[] a = route.get(i);
            double[] b = route.get(i + 1);
            if (Math.abs(a[0] - b[0]) < 1e-6) {
                dx[i] = d;
                dx[i + 1] = d;
            } else if (Math.abs(a[1] - b[1]) < 1e-6) {
                dy[i] = d;
                dy[i + 1] = d;
            }
        }
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new double[] {route.get(i)[0] + dx[i], route.get(i)[1] + dy[i]});
        }
        return out;
    }

    /** Which of the wires from the same output each wire is (0 for the first), in the order given. */
    static Map<EdgeView, Integer> ranks(Iterable<EdgeView> wires) {
        Map<String, Integer> seen = new HashMap<>();
        Map<EdgeView, Integer> out = new HashMap<>();
        for (EdgeView v : wires) {
            String key = v.edge().from().nodeId() + "\u0000" + v.edge().from().name();
            int k = seen.merge(key, 1, Integer::sum) - 1;
            out.put(v, k);
        }
        return out;
    }

    /**
     * Places each output's label once (on its first wire) on a run clear of {@code blocks}, the ports and the
     * labels placed before it; the other wires, and a wire with no clear run, show the shape on hover only.
     */
    static void place(List<EdgeView> wires, List<Bounds> blocks) {
        List<Bounds> taken = new ArrayList<>();
        for (Bounds b : blocks) {
            taken.add(new BoundingBox(b.getMinX() - 2, b.getMinY() - 2, b.getWidth() + 4, b.getHeight() + 4));
        }
        Map<EdgeView, Integer> rank = ranks(wires);
        for (EdgeView v : wires) {
            if (!v.isVisible()) {
                continue;
            }
            Bounds spot = rank.get(v) == 0 ? clearSpot(v.points(), v.labelSize(), taken) : null;
            if (spot == null) {
                v.labelOnHoverOnly();
            } else {
                v.labelAt(spot);
                taken.add(spot);
            }
        }
    }

    /** A box of {@code size} beside a straight run of the route, clear of {@code taken} and of both ends; or null. */
    static Bounds clearSpot(List<double[]> pts, double[] size, List<Bounds> taken) {
        double w = size[0];
        double h = size[1];
        double[] first = pts.get(0);
        double[] last = pts.get(pts.size() - 1);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i + 1 < pts.size(); i++) {
            order.add(i);
        }
        // Longest runs first, horizontal ones preferred (the label reads along them).
        order.sort((a, b) -> Double.compare(weight(pts, b), weight(pts, a)));
        for (int i : order) {
            double[] a = pts.get(i);
            double[] b = pts.get(i + 1);
            boolean horizontal = Math.abs(a[1] - b[1]) < 1;
            double len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
            for (double t : new double[] {0.5, 0.3, 0.7, 0.15, 0.85}) {
                double x = a[0] + (b[0] - a[0]) * t;
                double y = a[1] + (b[1] - a[1]) * t;
                Bounds box = horizontal ? new BoundingBox(x - w / 2, y - h - 2, w, h) : new BoundingBox(x + 4, y - h / 2, w, h);
                boolean along = horizontal ? len >= w + 4 : len >= h + 4;
                if (along && clear(box, taken) && far(box, first) && far(box, last)) {
                    return box;
                }
            }
        }
        return null;
    }

    private static double weight(List<double[]> pts, int i) {
        double[] a = pts.get(i);
        double[] b = pts.get(i + 1);
        double len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
        return Math.abs(a[1] - b[1]) < 1 ? 2 * len : len;
    }

    private static boolean clear(Bounds box, List<Bounds> taken) {
        return taken.stream().noneMatch(box::intersects);
    }

    private static boolean far(Bounds box, double[] port) {
        double cx = Math.max(box.getMinX(), Math.min(port[0], box.getMaxX()));
        double cy = Math.max(box.getMinY(), Math.min(port[1], box.getMaxY()));
        return Math.hypot(cx - port[0], cy - port[1]) >= PORT_CLEARANCE;
    }
}
