package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotRendererTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @Test
    void decimationKeepsEndsAndExtremesInOrder() {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            x.add((double) i);
            y.add(i == 50_000 ? 1000.0 : i == 70_000 ? -1000.0 : Math.sin(i / 100.0));
        }

        PlotRenderer.decimate(x, y);

        assertThat(x).hasSizeLessThanOrEqualTo(2 * PlotRenderer.BUCKETS + 2).isSorted();
        assertThat(x.get(0)).isZero();
        assertThat(x.get(x.size() - 1)).isEqualTo(99_999.0);
        assertThat(y).contains(1000.0, -1000.0);
    }

    @Test
    void aDrawingWhileAndAfterTheWarmUpRunsIsTheSameBytes() throws Exception {
        List<Series> line = List.of(new Series("workspace", "workspace", ints(0, 1, 5), floats(0.9, 0.3, 0.1)));
        PlotRenderer renderer = new PlotRenderer();
        Thread warmUp = new Thread(PlotRenderer::warmUp);

        warmUp.start();
        PlotRenderer.Drawing during = renderer.draw("linear", "t", "x", "y", line);
        warmUp.join();
        PlotRenderer.Drawing after = renderer.draw("linear", "t", "x", "y", line);
        PlotRenderer.warmUp();

        assertThat(during.png()).isEqualTo(after.png());
        assertThat(during.svg()).isEqualTo(after.svg());
        assertThat(renderer.draw("linear", "t", "x", "y", line).svg()).isEqualTo(after.svg());
    }

    @Test
    void everyTemplateDraws() throws Exception {
        List<Series> line = List.of(
                new Series("main", "main", ints(0, 1, 2), floats(1, 0.5, 0.2)),
                new Series("workspace", "workspace", ints(0, 1, 2), floats(0.9, 0.3, 0.1)));
        List<Series> confusion =
                List.of(new Series("main", "main", strings("cat", "dog", "dog"), strings("cat", "cat", "dog")));
        List<Series> bars = List.of(new Series("main", "main", floats(0.3, 0.7), strings("f1", "f2")));
        PlotRenderer renderer = new PlotRenderer();

        for (String template : List.of("linear", "simple", "smooth", "scatter", "scatter_jitter", "unknown")) {
            PlotRenderer.Drawing drawing = renderer.draw(template, "t", "x", "y", line);
            assertThat(drawing.png()).as(template).startsWith(PNG);
            assertThat(new String(drawing.svg(), java.nio.charset.StandardCharsets.UTF_8))
                    .as(template)
                    .contains("<svg");
        }
        for (String template : List.of("bar_horizontal", "bar_horizontal_sorted")) {
            assertThat(renderer.draw(template, "t", "x", "y", bars).png())
                    .as(template)
                    .startsWith(PNG);
        }
        for (String template : List.of("confusion", "confusion_normalized")) {
            PlotRenderer.Drawing drawing = renderer.draw(template, "t", "actual", "predicted", confusion);
            assertThat(drawing.png()).as(template).startsWith(PNG);
            assertThat(drawing.svg()).isNull();
        }
    }

    @Test
    void infiniteAndNanValuesAreLeftOutAndNamed() throws Exception {
        List<Series> diverged = List.of(new Series(
                "workspace",
                "workspace",
                ints(0, 1, 2, 3, 4, 5),
                List.of(
                        new Value.Float(1.0),
                        new Value.Float(Double.POSITIVE_INFINITY),
                        new Value.Str("inf"),
                        new Value.Str("-Infinity"),
                        new Value.Float(Double.NaN),
                        new Value.Float(0.5))));
        PlotRenderer renderer = new PlotRenderer();

        for (String template : List.of("linear", "scatter")) {
            PlotRenderer.Drawing drawing = renderer.draw(template, "loss", "step", "loss", diverged);

            assertThat(drawing.png()).as(template).startsWith(PNG);
            assertThat(drawing.leftOut()).containsExactly("workspace: 4 values not drawn (inf, -inf or nan)");
        }
    }

    @Test
    void aSeriesWithNothingFiniteStillDrawsAnEmptyChart() throws Exception {
        List<Series> diverged = List.of(
                new Series("workspace", "workspace", ints(0), List.of(new Value.Float(Double.NEGATIVE_INFINITY))));

        PlotRenderer.Drawing drawing = new PlotRenderer().draw("linear", "loss", "step", "loss", diverged);

        assertThat(drawing.png()).startsWith(PNG);
        assertThat(drawing.leftOut()).containsExactly("workspace: 1 value not drawn (inf, -inf or nan)");
        assertThat(drawing.legend()).isEmpty();
    }

    @Test
    void infiniteBarsAreLeftOut() throws Exception {
        List<Series> bars = List.of(new Series(
                "main",
                "main",
                List.of(new Value.Float(Double.POSITIVE_INFINITY), new Value.Float(0.7)),
                strings("a", "b")));

        PlotRenderer.Drawing drawing = new PlotRenderer().draw("bar_horizontal_sorted", "t", "x", "y", bars);

        assertThat(drawing.png()).startsWith(PNG);
        assertThat(drawing.leftOut()).containsExactly("main: 1 value not drawn (inf, -inf or nan)");
    }

    @Test
    void aSeriesIdenticalToAnEarlierOneIsMarkedInTheLegend() throws Exception {
        List<Series> same = List.of(
                new Series("main", "main", ints(0, 1), floats(1, 0.5)),
                new Series("workspace", "workspace", ints(0, 1), floats(1, 0.5)),
                new Series("exp", "exp", ints(0, 1), floats(1, 0.4)));

        PlotRenderer.Drawing drawing = new PlotRenderer().draw("linear", "t", "x", "y", same);

        assertThat(drawing.legend()).containsExactly("main", "workspace (same as main)", "exp");
    }

    @Test
    void confusionPanelsAreOnePerRevisionSideBySide() throws Exception {
        List<Series> confusion = List.of(
                new Series("main", "main", strings("cat", "dog"), strings("cat", "cat")),
                new Series("workspace", "workspace", strings("cat", "dog"), strings("cat", "dog")));

        byte[] png = new PlotRenderer()
                .draw("confusion", "t", "actual", "predicted", confusion)
                .png();

        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(2 * 440);
    }

    private static List<Value> ints(int... values) {
        List<Value> list = new ArrayList<>();
        for (int value : values) {
            list.add(Value.Int.of(value));
        }
        return list;
    }

    private static List<Value> floats(double... values) {
        List<Value> list = new ArrayList<>();
        for (double value : values) {
            list.add(new Value.Float(value));
        }
        return list;
    }

    private static List<Value> strings(String... values) {
        List<Value> list = new ArrayList<>();
        for (String value : values) {
            list.add(new Value.Str(value));
        }
        return list;
    }
}
