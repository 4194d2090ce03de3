package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.awt.BasicStroke;
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
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a plot with XChart the way DVC's templates describe it: {@code linear}, {@code simple}, {@code smooth} as
 * lines, {@code scatter} and {@code scatter_jitter} as points, {@code bar_horizontal[_sorted]} as bars per category,
 * {@code confusion[_normalized]} as one heat map per revision; one series (and colour) per revision, in the order
 * given. Values that are not finite numbers (a diverged run's {@code inf}, {@code nan}) are left out and listed in
 * {@link Drawing#leftOut()}; a series identical to an earlier one is dashed and labelled {@code (same as …)}.
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
    private static final int CONFUSION_PANEL_WIDTH = 440;
    private static final int CONFUSION_SCALE_STEPS = 5;

    /** The invisible series of a chart whose every value was left out (XChart cannot draw a chart without one). */
    private static final String NO_SERIES = " ";

    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);

    private static final java.util.Set<String> EVERY_ROW_TEMPLATES =
            java.util.Set.of("confusion", "confusion_normalized", "bar_horizontal", "bar_horizontal_sorted");

    /** Lines with more points are reduced to the lowest and highest point of this many buckets (2 per pixel). */
    static final int BUCKETS = 2 * WIDTH;

    /**
     * A drawn plot.
     *
     * @param png the PNG bytes
     * @param svg the SVG bytes, or {@code null} for templates drawn as several panels (confusion)
     * @param leftOut what could not be drawn and was left out, one line each (e.g. infinite values of a diverged run)
     * @param legend the series as the legend names them, in drawing order
     */
    public record Drawing(byte[] png, byte[] svg, List<String> leftOut, List<String> legend) {
        /** Keeps copies of the bytes. */
        public Drawing {
            png = png.clone();
            svg = svg == null ? null : svg.clone();
            leftOut = List.copyOf(leftOut);
            legend = List.copyOf(legend);
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
        List<String> leftOut = new ArrayList<>();
        return switch (template) {
            case "confusion", "confusion_normalized" ->
                new Drawing(
                        confusion(xLabel, yLabel, series, template.endsWith("normalized")),
                        null,
                        leftOut,
                        series.stream().map(Series::revision).toList());
            case "bar_horizontal", "bar_horizontal_sorted" ->
                encode(bars(title, xLabel, yLabel, series, template.endsWith("sorted"), leftOut), leftOut);
            default -> encode(xy(title, xLabel, yLabel, series, template.startsWith("scatter"), leftOut), leftOut);
        };
    }

    /**
     * Draws a small line chart to PNG and SVG and drops it: loads and initialises what every drawing uses (AWT's
     * fonts and rasteriser, XChart, the PNG writer, the SVG document's XML serializer), which a caller can have done
     * on another thread while it reads the plot files. A failure is left to the drawings, which meet it again.
     */
    public static void warmUp() {
        List<Value> x = List.of(Value.Int.of(0), Value.Int.of(1), Value.Int.of(3));
        List<Value> y = List.of(new Value.Float(0.5), new Value.Float(0.25), new Value.Float(0.125));
        try {
            new PlotRenderer()
                    .draw("linear", "warm-up", "step", "loss", List.of(new Series("loss", "workspace", x, y)));
        } catch (IOException | RuntimeException e) { // the drawings report it
        }
    }

    /**
     * Whether a template counts every row (bars per category, confusion matrices) rather than drawing a line or
     * points through them, which {@link SeriesSampler} may reduce.
     */
    static boolean countsEveryRow(String template) {
        return EVERY_ROW_TEMPLATES.contains(template);
    }

    private static Drawing encode(Chart<?, ?> chart, List<String> leftOut) throws IOException {
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        List<String> legend = chart.getSeriesMap().keySet().stream()
                .filter(name -> !name.equals(NO_SERIES))
                .toList();
        return new Drawing(
                BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG),
                svg.toByteArray(),
                leftOut,
                legend);
    }

    /** Says that a series had values that are not finite numbers, which no chart can place. */
    private static void noteNonFinite(List<String> leftOut, Series series, int count) {
        if (count > 0) {
            leftOut.add(series.name() + ": " + count + (count == 1 ? " value" : " values")
                    + " not drawn (inf, -inf or nan)");
        }
    }

    private static XYChart xy(
            String title, String xLabel, String yLabel, List<Series> series, boolean points, List<String> leftOut) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xLabel)
                .yAxisTitle(yLabel)
                .build();
        style(chart.getStyler());
        Map<List<List<Double>>, String> drawnBefore = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            Series one = series.get(i);
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            boolean numericX = one.x().stream().anyMatch(v -> !Double.isNaN(Datapoints.number(v)));
            int nonFinite = one.nonFiniteOmitted();
            for (int row = 0; row < one.y().size(); row++) {
                Value yCell = one.y().get(row);
                Value xCell = numericX ? one.x().get(row) : Value.Int.of(row);
                if (Datapoints.isNonFinite(yCell) || Datapoints.isNonFinite(xCell)) {
                    nonFinite++;
                    continue;
                }
                double yValue = Datapoints.number(yCell);
                double xValue = Datapoints.number(xCell);
                if (!Double.isNaN(xValue) && !Double.isNaN(yValue)) {
                    x.add(xValue);
                    y.add(yValue);
                }
            }
            noteNonFinite(leftOut, one, nonFinite);
            if (x.isEmpty()) {
                continue;
            }
            if (!points && x.size() > 2 * BUCKETS) {
                decimate(x, y);
            }
            String same = drawnBefore.putIfAbsent(List.of(x, y), one.name());
            XYSeries drawn = chart.addSeries(same == null ? one.name() : one.name() + " (same as " + same + ")", x, y);
            drawn.setLineColor(PALETTE.get(i % PALETTE.size()));
            drawn.setMarkerColor(PALETTE.get(i % PALETTE.size()));
            if (points) {
                drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else {
                drawn.setMarker(SeriesMarkers.NONE);
            }
            if (same != null) {
                drawn.setLineStyle(DASHED);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.getStyler().setLegendVisible(false);
            chart.addSeries(NO_SERIES, new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
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

    private static CategoryChart bars(
            String title, String xLabel, String yLabel, List<Series> series, boolean sorted, List<String> leftOut) {
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
            Map<String, Double> first = values(series.get(0), new ArrayList<>());
            categories.sort(Comparator.comparingDouble(c -> first.getOrDefault(c, 0.0)));
        }
        for (int i = 0; i < series.size(); i++) {
            Map<String, Double> values = values(series.get(i), leftOut);
            List<Double> heights =
                    categories.stream().map(c -> values.getOrDefault(c, 0.0)).toList();
            chart.addSeries(series.get(i).name(), categories, heights).setFillColor(PALETTE.get(i % PALETTE.size()));
        }
        return chart;
    }

    /** Bar heights per category; values that are not finite numbers are left out (and noted). */
    private static Map<String, Double> values(Series series, List<String> leftOut) {
        Map<String, Double> values = new LinkedHashMap<>();
        int nonFinite = 0;
        for (int row = 0; row < series.y().size(); row++) {
            Value cell = series.x().get(row);
            if (Datapoints.isNonFinite(cell)) {
                nonFinite++;
                continue;
            }
            double value = Datapoints.number(cell);
            values.put(series.y().get(row).str(), Double.isNaN(value) ? 0.0 : value);
        }
        noteNonFinite(leftOut, series, nonFinite);
        return values;
    }

    /**
     * One heat map per revision, side by side, titled by the revision, on one colour scale of five steps from 0 to the
     * largest cell of any panel (the same count is the same colour in every panel; XChart's continuous legend cannot
     * format its labels, its stepped one can); counts are shown as whole numbers, normalized rows with two decimals.
     */
    private static byte[] confusion(String xLabel, String yLabel, List<Series> series, boolean normalized)
            throws IOException {
        TreeSet<String> labels = new TreeSet<>();
        series.forEach(one -> {
            one.x().forEach(v -> labels.add(v.str()));
            one.y().forEach(v -> labels.add(v.str()));
        });
        List<String> axis = List.copyOf(labels);
        List<List<Number[]>> panels = new ArrayList<>();
        double max = 0;
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
                    double cell = normalized && total > 0 ? count / total : count;
                    max = Math.max(max, cell);
                    cells.add(new Number[] {actual, predicted, cell});
                }
            }
            panels.add(cells);
        }
        List<HeatMapChart> charts = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            HeatMapChart chart = new HeatMapChartBuilder()
                    .width(CONFUSION_PANEL_WIDTH)
                    .height(HEIGHT)
                    .title(series.get(i).revision())
                    .xAxisTitle(xLabel)
                    .yAxisTitle(yLabel)
                    .build();
            HeatMapStyler styler = chart.getStyler();
            styler.setShowValue(true);
            styler.setChartBackgroundColor(Color.WHITE);
            styler.setMin(0);
            styler.setMax(max > 0 ? max : 1);
            String pattern = normalized ? "0.00" : "#,##0";
            styler.setHeatMapValueDecimalPattern(pattern);
            java.text.DecimalFormat format = new java.text.DecimalFormat(pattern);
            styler.setHeatMapDecimalValueFormatter(format::format);
            styler.setPiecewise(true);
            styler.setPiecewiseRanged(true);
            styler.setSplitNumber(CONFUSION_SCALE_STEPS);
            chart.addSeries(series.get(i).name(), axis, axis, panels.get(i));
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
