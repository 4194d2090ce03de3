package io.jenkins.plugins.gputrain.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** What the side-by-side harnesses report of their interleaved rounds: medians, per-round ratios, the load. */
final class Rounds {
    private Rounds() {}

    /** The median; of an even count, the mean of the middle two. */
    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).sorted().toArray();
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** {@code top[round] / bottom[round]} for each round. */
    static double[] ratios(double[] top, double[] bottom) {
        double[] ratios = new double[top.length];
        for (int round = 0; round < top.length; round++) {
            ratios[round] = top[round] / bottom[round];
        }
        return ratios;
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String load() throws IOException {
        String loadavg = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
        return String.join(" ", Arrays.asList(loadavg.split(" ")).subList(0, 3));
    }
}
