package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * What {@link SeriesSampler} keeps of a series read row by row: every row as read up to {@link
 * SeriesSampler#EXACT_ROWS}; past it the first and last row, the lowest and highest value, rows in order, a bounded
 * number of points, and a count of the values no chart can place.
 */
class SeriesSamplerProperties {
    /** The most points a reduced series keeps: first, last, and the lowest and highest of each bucket. */
    private static final int MOST_POINTS = 2 * 2 * PlotRenderer.BUCKETS + 2;

    @Property(tries = 50)
    void aSeriesUpToTheBoundIsKeptAsRead(
            @ForAll @IntRange(min = 0, max = SeriesSampler.EXACT_ROWS) int rows, @ForAll long seed) {
        List<Value> x = new ArrayList<>();
        List<Value> y = new ArrayList<>();
        Random random = new Random(seed);
        SeriesSampler sampler = new SeriesSampler();
        for (int row = 0; row < rows; row++) {
            x.add(new Value.Str(Integer.toString(row)));
            y.add(random.nextInt(20) == 0 ? new Value.Str("inf") : new Value.Float(random.nextGaussian()));
            sampler.add(x.get(row), y.get(row));
        }

        Series series = sampler.series("workspace", "workspace");

        assertThat(series.x()).isEqualTo(x);
        assertThat(series.y()).isEqualTo(y);
        assertThat(series.nonFiniteOmitted()).isZero();
    }

    @Property(tries = 30)
    void aLongerSeriesKeepsFirstLastLowestAndHighestInOrder(
            @ForAll @IntRange(min = SeriesSampler.EXACT_ROWS + 1, max = 300_000) int rows,
            @ForAll long seed,
            @ForAll boolean textCells) {
        Random random = new Random(seed);
        double[] values = IntStream.range(0, rows)
                .mapToDouble(row -> Math.sin(row / 500.0) + random.nextGaussian() * random.nextDouble())
                .toArray();
        int nonFinite = 0;
        SeriesSampler sampler = new SeriesSampler();
        for (int row = 0; row < rows; row++) {
            Value y = textCells ? new Value.Str(Double.toString(values[row])) : new Value.Float(values[row]);
            if (row % 997 == 5) {
                y = textCells ? new Value.Str("nan") : new Value.Float(Double.POSITIVE_INFINITY);
                nonFinite++;
            }
            sampler.add(Value.Int.of(row), y);
        }

        Series series = sampler.series("workspace", "workspace");

        List<Long> steps = series.x().stream()
                .map(v -> ((Value.Int) v).value().longValueExact())
                .toList();
        assertThat(steps).isSorted().doesNotHaveDuplicates().startsWith(0L).endsWith(rows - 1L);
        assertThat(steps.size()).isLessThanOrEqualTo(MOST_POINTS);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(Datapoints.number(series.y().get(i)))
                    .as("the value of step " + steps.get(i) + " exactly")
                    .isEqualTo(values[steps.get(i).intValue()]);
        }
        int lowest = drawable(rows)
                .min(Comparator.comparingDouble(row -> values[row]))
                .orElseThrow();
        int highest = drawable(rows)
                .max(Comparator.comparingDouble(row -> values[row]))
                .orElseThrow();
        assertThat(steps).contains((long) lowest, (long) highest);
        assertThat(series.nonFiniteOmitted()).isEqualTo(nonFinite);
    }

    private static java.util.stream.Stream<Integer> drawable(int rows) {
        return IntStream.range(0, rows).filter(row -> row % 997 != 5).boxed();
    }

    @Property(tries = 10)
    void rowsWithoutANumericXAreDrawnAtTheirRowIndex(
            @ForAll @IntRange(min = SeriesSampler.EXACT_ROWS + 1, max = 50_000) int rows) {
        SeriesSampler sampler = new SeriesSampler();
        for (int row = 0; row < rows; row++) {
            sampler.add(new Value.Str("epoch " + row), new Value.Float(row % 7));
        }

        Series series = sampler.series("workspace", "workspace");

        assertThat(series.x()).first().isEqualTo(Value.Int.of(0));
        assertThat(series.x()).last().isEqualTo(Value.Int.of(rows - 1));
        assertThat(series.x()).allMatch(Value.Int.class::isInstance);
    }

    @Property(tries = 5)
    void barsAndConfusionMatricesKeepEveryRow(@ForAll @IntRange(min = 10_001, max = 30_000) int rows) {
        SeriesSampler sampler = new SeriesSampler(Integer.MAX_VALUE);
        for (int row = 0; row < rows; row++) {
            sampler.add(new Value.Str("cat"), new Value.Str(row % 2 == 0 ? "cat" : "dog"));
        }

        assertThat(sampler.series("main", "main").x()).hasSize(rows);
    }
}
