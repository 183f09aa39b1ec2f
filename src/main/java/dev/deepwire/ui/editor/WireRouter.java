package dev.deepwire.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Orthogonal wire routes that go around blocks: out of the output port to the right, into the input port from
 * the left, bending only at right angles in the channels between blocks (a path search over the lines that run
 * along the blocks' edges, a margin away, shortest with fewest bends). A route the search cannot find (a port
 * boxed in) is a straight three-segment wire.
 */
final class WireRouter {
    /** How far a wire keeps from a block, and how far it leaves a port straight before it may turn. */
    static final double MARGIN = 12;
    static final double STUB = 18;
    private static final double BEND = 40; // a bend costs as much as this many pixels of length

    /** A block's box in canvas coordinates. */
    record Box(double x, double y, double w, double h) {
        boolean strictlyContains(double px, double py) {
            return px > x + 1e-6 && px < x + w - 1e-6 && py > y + 1e-6 && py < y + h - 1e-6;
        }
    }

    private WireRouter() {
    }

    /**
     * The corner points of a wire from (sx, sy) to (tx, ty), both ends included, around {@code blocks}: kept a
     * margin away from them where there is room, closer in tight spaces.
     */
    static List<double[]> route(double sx, double sy, double tx, double ty, List<Box> blocks) {
        double[][] tries = {{MARGIN, STUB}, {4, 8}, {1, 3}};
        for (double[] t : tries) {
            List<double[]> r = route(sx, sy, tx, ty, blocks, t[0], t[1]);
            if (r != null) {
                return r;
            }
        }
        double mid = Math.max(sx + STUB, (sx + tx) / 2);
        return simplify(List.of(new double[] {sx, sy}, new double[] {mid, sy}, new double[] {mid, ty}, new double[] {tx, ty}));
    }

    private static List<double[]> route(double sx, double sy, double tx, double ty, List<Box> blocks, double margin, double stub) {
        List<Box> inflated = new ArrayList<>(blocks.size());
        for (Box b : blocks) {
            inflated.add(new Box(b.x() - margin, b.y() - margin, b.w() + 2 * margin, b.h() + 2 * margin));
        }
        double ax = sx + stub;
        double bx = tx - stub;
        TreeSet<Double> xs = new TreeSet<>(List.of(ax, bx));
        TreeSet<Double> ys = new TreeSet<>(List.of(sy, ty));
        for (Box b : inflated) {
            xs.add(b.x());
            xs.add(b.x() + b.w());
            ys.add(b.y());
            ys.add(b.y() + b.h());
        }
        // A frame around everything, so a wire can always go round the outside (and reach an input from its left).
        double frame = 2 * stub + margin;
        xs.add(xs.first() - frame);
        xs.add(xs.last() + frame);
        ys.add(ys.first() - frame);
        ys.add(ys.last() + frame);
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        List<double[]> path = search(x, y, Arrays.binarySearch(x, ax), Arrays.binarySearch(y, sy),
                Arrays.binarySearch(x, bx), Arrays.binarySearch(y, ty), inflated);
        if (path == null) {
            return null;
        }
        List<double[]> out = new ArrayList<>();
        out.add(new double[] {sx, sy});
        out.addAll(path);
        out.add(new double[] {tx, ty});
        return simplify(out);
    }

    private static boolean blocked(double px, double py, List<Box> boxes) {
        for (Box b : boxes) {
            if (b.strictlyContains(px, py)) {
                return true;
            }
        }
        return false;
    }

    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    /** Fewest-bends shortest path over the grid of candidate lines (Dijkstra over point × heading). */
    private static List<double[]> search(double[] x, double[] y, int si, int sj, int ti, int tj, List<Box> boxes) {
        int nx = x.length;
        int ny = y.length;
        boolean[] free = new boolean[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                free[i * ny + j] = !blocked(x[i], y[j], boxes);
            }
        }
        int start = si * ny + sj;
        int goal = ti * ny + tj;
        if (!free[start] || !free[goal]) {
            return null; // a port's stub ends inside another block: try closer in
        }
        double[] cost = new double[nx * ny * 4];
        int[] from = new int[nx * ny * 4];
        Arrays.fill(cost, Double.MAX_VALUE);
        Arrays.fill(from, -1);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        cost[start * 4] = 0; // leaving the output port heading right
        queue.add(new double[] {0, start * 4});
        int reached = -1;
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int state = (int) top[1];
            if (top[0] > cost[state]) {
                continue;
            }
            int p = state / 4;
            int heading = state % 4;
            if (p == goal && heading == 0) {
                reached = state;
                break;
            }
            int i = p / ny;
            int j = p % ny;
            for (int d = 0; d < 4; d++) {
                if (d == (heading + 2) % 4) {
                    continue; // no turning back
                }
                int ni = i + DX[d];
                int nj = j + DY[d];
                if (ni < 0 || nj < 0 || ni >= nx || nj >= ny || !free[ni * ny + nj]) {
                    continue;
                }
                double mx = (x[i] + x[ni]) / 2;
                double my = (y[j] + y[nj]) / 2;
                if (blocked(mx, my, boxes)) {
                    continue;
                }
                double next = top[0] + Math.abs(x[ni] - x[i]) + Math.abs(y[nj] - y[j]) + (d == heading ? 0 : BEND);
                int ns = (ni * ny + nj) * 4 + d;
                if (next < cost[ns]) {
                    cost[ns] = next;
                    from[ns] = state;
                    queue.add(new double[] {next, ns});
                }
            }
        }
        if (reached < 0) {
            return null;
        }
        List<double[]> points = new ArrayList<>();
        for (int s = reached; s >= 0; s = from[s]) {
            int p = s / 4;
            points.add(0, new double[] {x[p / ny], y[p % ny]});
        }
        return points;
    }

    /** Drops points that do not turn the wire. */
    private static List<double[]> simplify(List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) {
            if (!out.isEmpty() && out.get(out.size() - 1)[0] == p[0] && out.get(out.size() - 1)[1] == p[1]) {
                continue;
            }
            if (out.size() >= 2) {
                double[] a = out.get(out.size() - 2);
                double[] b = out.get(out.size() - 1);
                if (a[0] == b[0] && b[0] == p[0] || a[1] == b[1] && b[1] == p[1]) {
                    out.set(out.size() - 1, p);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }
}
