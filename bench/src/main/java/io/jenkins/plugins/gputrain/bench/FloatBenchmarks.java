package io.jenkins.plugins.gputrain.bench;

import io.jenkins.plugins.gputrain.core.dvc.value.PythonFloat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Python's float repr and round over 10k values, as a metrics table prints them ({@code repr(round(x, 5))}): the
 * generated metrics ({@code i / 7.0}, 16–17 digits) or random bit patterns (any exponent).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class FloatBenchmarks {
    private static final int VALUES = 10_000;

    @Param({"metrics", "random"})
    public String values;

    private final double[] numbers = new double[VALUES];

    /** Draws the values once. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < VALUES; i++) {
            double random64 = Double.longBitsToDouble(random.nextLong());
            numbers[i] = values.equals("metrics") ? i / 7.0 + 0.5 : Double.isFinite(random64) ? random64 : i;
        }
    }

    /** {@code repr(x)} of each value. */
    @Benchmark
    public void repr(Blackhole sink) {
        for (double x : numbers) {
            sink.consume(PythonFloat.repr(x));
        }
    }

    /** {@code repr(round(x, 5))} of each value, as DVC's tables print them. */
    @Benchmark
    public void reprOfRound(Blackhole sink) {
        for (double x : numbers) {
            sink.consume(PythonFloat.repr(PythonFloat.round(x, 5)));
        }
    }
}
