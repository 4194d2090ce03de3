package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One series' points, taken as its file is read, in bounded memory. Up to {@link #EXACT_ROWS} rows it keeps every row
 * as read, exactly what DVC would list. Past that it keeps, with their exact values, the first and the last point that
 * can be drawn and, per bucket of consecutive rows, the bucket's lowest and highest one (in row order), between
 * {@link PlotRenderer#BUCKETS} and twice as many buckets (two buckets merge into one each time their count reaches
 * that): the line drawn at chart size has the same shape, its extremes included. Values that are not finite numbers
 * are then counted ({@link Series#nonFiniteOmitted()}) rather than kept.
 */
final class SeriesSampler {
    /** Rows kept as read; a longer series is reduced. */
    static final int EXACT_ROWS = 10_000;

    /** At most this many buckets, each of {@link #width} rows. */
    private static final int MAX_BUCKETS = 2 * PlotRenderer.BUCKETS;

    private final int exactRows;
    private final List<Value> exactX = new ArrayList<>();
    private final List<Value> exactY = new ArrayList<>();
    private long rows;
    private boolean reduced;
    private final List<Bucket> buckets = new ArrayList<>();
    private long width = 1;
    private Point first;
    private Point last;
    private boolean numericX;
    private int nonFinite;

    /** A sampler that reduces series longer than {@link #EXACT_ROWS}. */
    SeriesSampler() {
        this(EXACT_ROWS);
    }

    /**
     * A sampler with another bound.
     *
     * @param exactRows rows kept as read; {@link Integer#MAX_VALUE} keeps every row (bars and confusion matrices,
     *     which count every row)
     */
    SeriesSampler(int exactRows) {
        this.exactRows = exactRows;
    }

    /**
     * Adds the next row.
     *
     * @param x its x value
     * @param y its y value
     */
    void add(Value x, Value y) {
        long index = rows++;
        if (!reduced && index < exactRows) {
            exactX.add(x);
            exactY.add(y);
            return;
        }
        if (!reduced) {
            reduce();
        }
        take(index, x, y);
    }

    /** Switches from rows as read to buckets, taking the rows read so far. */
    private void reduce() {
        reduced = true;
        for (int i = 0; i < exactX.size(); i++) {
            take(i, exactX.get(i), exactY.get(i));
        }
        exactX.clear();
        exactY.clear();
    }

    private void take(long index, Value x, Value y) {
        double xValue = Datapoints.number(x);
        double value = Datapoints.number(y);
        numericX |= !Double.isNaN(xValue);
        // a finite number is never a non-finite one: the checks on the text only run for the others
        if (!Double.isFinite(value) && Datapoints.isNonFinite(y)
                || !Double.isFinite(xValue) && Datapoints.isNonFinite(x)) {
            nonFinite++;
            return;
        }
        if (Double.isNaN(value)) {
            return;
        }
        Point point = new Point(index, x, y, value);
        if (first == null) {
            first = point;
        }
        last = point;
        while (index / width >= MAX_BUCKETS) {
            merge();
        }
        int bucket = (int) (index / width);
        while (buckets.size() <= bucket) {
            buckets.add(new Bucket());
        }
        buckets.get(bucket).add(point);
    }

    /** Halves the buckets: each pair becomes one of twice the width. */
    private void merge() {
        List<Bucket> merged = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i += 2) {
            Bucket one = buckets.get(i);
            if (i + 1 < buckets.size()) {
                one.add(buckets.get(i + 1));
            }
            merged.add(one);
        }
        buckets.clear();
        buckets.addAll(merged);
        width *= 2;
    }

    /**
     * The series taken.
     *
     * @param name the legend text
     * @param revision the revision
     * @return every row, or the reduced points with the row index as x where no x is a number
     */
    Series series(String name, String revision) {
        if (!reduced) {
            return new Series(name, revision, exactX, exactY);
        }
        List<Point> kept = new ArrayList<>();
        if (first != null) {
            kept.add(first);
            buckets.forEach(bucket -> bucket.keep(kept));
            kept.add(last);
        }
        List<Value> x = new ArrayList<>();
        List<Value> y = new ArrayList<>();
        long previous = -1;
        for (Point point : kept) {
            if (point.index() > previous) {
                x.add(numericX ? point.x() : Value.Int.of(point.index()));
                y.add(point.y());
                previous = point.index();
            }
        }
        return new Series(name, revision, x, y, nonFinite);
    }

    /** A row that can be drawn. */
    private record Point(long index, Value x, Value y, double value) {}

    /** The lowest and highest point of some consecutive rows (the first of equal ones). */
    private static final class Bucket {
        private Point low;
        private Point high;

        void add(Point point) {
            if (low == null || point.value() < low.value()) {
                low = point;
            }
            if (high == null || point.value() > high.value()) {
                high = point;
            }
        }

        void add(Bucket later) {
            if (later.low != null) {
                add(later.low);
                add(later.high);
            }
        }

        void keep(List<Point> kept) {
            if (low != null) {
                kept.add(low.index() <= high.index() ? low : high);
                kept.add(low.index() <= high.index() ? high : low);
            }
        }
    }
}
