package io.jenkins.plugins.gputrain.core.dvc.plots;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a plot with XChart the way DVC's templates describe it: {@code linear}, {@code simple}, {@code smooth} as
 * lines, {@code scatter} and {@code scatter_jitter} as points, {@code bar_horizontal[_sorted]} as bars per category,
 * {@code confusion[_normalized]} as one heat map per revision; one series (and colour) per revision.
 */
public final class PlotRenderer {
    /** DVC's revision palette, cycled. */
    static final List<Color> PALETTE = List.of(
            new Color(0x945dd6),
            new Color(0x13adc7),
            new Color(0xf46837),
            new Color(0x48bb78),
            new Color(0x4299e1),
            new Color(0xed8936),
            new Color(0xf56565));

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    /** Lines with more points are reduced to the lowest and highest point of this many buckets (2 per pixel). */
    static final int BUCKETS = 2 * WIDTH;

    /**
     * A drawn plot.
     *
     * @param png the PNG bytes
     * @param svg the SVG bytes, or {@code null} for templates drawn as several panels (confusion)
     */
    public record Drawing(byte[] png, byte[] svg) {
        /** Keeps copies of the bytes. */
        public Drawing {
            png = png.clone();
            svg = svg == null ? null : svg.clone();
        }

        @Override
        public byte[] png() {
            return png.clone();
        }

        @Override
        public byte[] svg() {
            return svg == null ? null : svg.clone();
        }
    }

    /**
     * Draws a plot.
     *
     * @param template the DVC template name ({@code linear} when unknown)
     * @param title the title
     * @param xLabel the x axis title
     * @param yLabel the y axis title
     * @param series the series, revisions in DVC's order
     * @return the drawing
     * @throws IOException when encoding fails
     */
    public Drawing draw(String template, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        return switch (template) {
            case "confusion", "confusion_normalized" ->
                new Drawing(confusion(title, xLabel, yLabel, series, template.endsWith("normalized")), null);
            case "bar_horizontal", "bar_horizontal_sorted" ->
                encode(bars(title, xLabel, yLabel, series, template.endsWith("sorted")));
            default -> encode(xy(title, xLabel, yLabel, series, template.startsWith("scatter")));
        };
    }

    private static Drawing encode(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return new Drawing(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG), svg.toByteArray());
    }

    private static XYChart xy(String title, String xLabel, String yLabel, List<Series> series, boolean points) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        style(chart.getStyler());
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            boolean numericX = one.x().stream().anyMatch(v -> !Double.isNaN(Datapoints.number(v)));
            for (int row = 0; row < one.y().size(); row++) {
                double yValue = Datapoints.number(one.y().get(row));
                double xValue = numericX ? Datapoints.number(one.x().get(row)) : row;
                if (!Double.isNaN(xValue) && !Double.isNaN(yValue)) {
                    x.add(xValue);
                    y.add(yValue);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            if (!points && x.size() > 2 * BUCKETS) {
                decimate(x, y);
            }
            XYSeries drawn = chart.addSeries(one.name(), x, y);
            drawn.setLineColor(PALETTE.get(i % PALETTE.size()));
            drawn.setMarkerColor(PALETTE.get(i % PALETTE.size()));
            if (points) {
                drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                drawn.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /**
     * Reduces a long line to the first and last point and, per bucket of consecutive points, its lowest and highest
     * point (in their order): at chart size the drawn line is the same, the file is not a point per row.
     */
    static void decimate(List<Double> x, List<Double> y) {
        int size = x.size();
        List<Double> keptX = new ArrayList<>();
        List<Double> keptY = new ArrayList<>();
        keptX.add(x.get(0));
        keptY.add(y.get(0));
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            int from = 1 + (int) ((long) bucket * (size - 2) / BUCKETS);
            int to = 1 + (int) ((long) (bucket + 1) * (size - 2) / BUCKETS);
            if (from >= to) {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from; i < to; i++) {
                low = y.get(i) < y.get(low) ? i : low;
                high = y.get(i) > y.get(high) ? i : high;
            }
            for (int i : low <= high ? new int[] {low, high} : new int[] {high, low}) {
                keptX.add(x.get(i));
                keptY.add(y.get(i));
                if (low == high) {
                    break;
                }
            }
        }
        keptX.add(x.get(size - 1));
        keptY.add(y.get(size - 1));
        x.clear();
        x.addAll(keptX);
        y.clear();
        y.addAll(keptY);
    }

    private static CategoryChart bars(String title, String xLabel, String yLabel, List<Series> series, boolean sorted) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(yLabel)
                .yAxisTitle(xLabel)
                .build();
        style(chart.getStyler());
        List<String> categories = new ArrayList<>();
        series.forEach(one -> one.y().forEach(category -> {
            if (!categories.contains(category.str())) {
                categories.add(category.str());
            }
        }));
        if (sorted && !series.isEmpty()) {
            Map<String, Double> first = values(series.get(0));
            categories.sort(Comparator.comparingDouble(c -> first.getOrDefault(c, 0.0)));
        }
        for (int i = 0; i < series.size(); i++) {
            Map<String, Double> values = values(series.get(i));
            List<Double> heights =
                    categories.stream().map(c -> values.getOrDefault(c, 0.0)).toList();
            chart.addSeries(series.get(i).name(), categories, heights).setFillColor(PALETTE.get(i % PALETTE.size()));
        }
        return chart;
    }

    private static Map<String, Double> values(Series series) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int row = 0; row < series.y().size(); row++) {
            double value = Datapoints.number(series.x().get(row));
            values.put(series.y().get(row).str(), Double.isNaN(value) ? 0.0 : value);
        }
        return values;
    }

    private static byte[] confusion(String title, String xLabel, String yLabel, List<Series> series, boolean normalized)
            throws IOException {
        TreeSet<String> labels = new TreeSet<>();
        series.forEach(one -> {
            one.x().forEach(v -> labels.add(v.str()));
            one.y().forEach(v -> labels.add(v.str()));
        });
        List<String> axis = List.copyOf(labels);
        List<HeatMapChart> charts = new ArrayList<>();
        for (Series one : series) {
            double[][] counts = new double[axis.size()][axis.size()];
            for (int row = 0; row < one.x().size(); row++) {
                counts[axis.indexOf(one.x().get(row).str())][
                        axis.indexOf(one.y().get(row).str())]++;
            }
            List<Number[]> cells = new ArrayList<>();
            for (int actual = 0; actual < axis.size(); actual++) {
                double total = 0;
                for (double count : counts[actual]) {
                    total += count;
                }
                for (int predicted = 0; predicted < axis.size(); predicted++) {
                    double count = counts[actual][predicted];
                    cells.add(new Number[] {actual, predicted, normalized && total > 0 ? count / total : count});
                }
            }
            HeatMapChart chart = new HeatMapChartBuilder()
                    .width(WIDTH / 2 + 80)
                    .height(HEIGHT)
                    .title(title + " — " + one.revision())
                    .xAxisTitle(xLabel)
                    .yAxisTitle(yLabel)
                    .build();
            chart.getStyler().setShowValue(true);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.addSeries(one.name(), axis, axis, cells);
            charts.add(chart);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!charts.isEmpty()) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), png, BitmapEncoder.BitmapFormat.PNG);
        }
        return png.toByteArray();
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAntiAlias(true);
    }
}
