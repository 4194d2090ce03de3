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
