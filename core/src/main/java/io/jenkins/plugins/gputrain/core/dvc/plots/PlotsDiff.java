package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.LoadWarning;
import io.jenkins.plugins.gputrain.core.dvc.format.ReadLimits;
import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import io.jenkins.plugins.gputrain.core.dvc.repo.FileTooLargeException;
import io.jenkins.plugins.gputrain.core.dvc.repo.RevisionFiles;
import io.jenkins.plugins.gputrain.core.dvc.repo.UnknownRevisionException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code dvc plots diff}: image plots copied per revision to {@code static/<rev>_<path>} as DVC names them, data
 * plots drawn to {@code <id>.png} and {@code <id>.svg} with one series per revision, in the order given (the baseline
 * first: DVC itself moves {@code workspace} first, the MLOps guide's reports and gpu-train's put {@code main} first).
 * Data DVC accepts never fails the plots: what cannot be drawn is left out and listed in {@link Result#notDrawn()}.
 */
public final class PlotsDiff {
    /**
     * What was written, and what could not be read or drawn.
     *
     * @param plots the plots written
     * @param failedRevisions the revisions with unreadable plot files
     * @param errors one line per unreadable file
     * @param notDrawn one warning line per plot with values left out, e.g. {@code plot 'loss.csv': workspace: 3
     *     values not drawn (inf, -inf or nan)}, or the one line saying that no data plot was drawn because this
     *     machine cannot draw text
     * @param refused one error line per plot file beyond a limit (its size, a list's entries) and per file or plot
     *     that needed more memory than this JVM has, naming the file and the limit, e.g. {@code loss.csv: workspace:
     *     out of memory reading it (limit 256 MiB heap, the JVM's -Xmx)}; the rest of the plots are drawn
     */
    public record Result(
            List<RenderedPlot> plots,
            Set<String> failedRevisions,
            List<String> errors,
            List<String> notDrawn,
            List<String> refused) {
        /** Copies the collections. */
        public Result {
            plots = List.copyOf(plots);
            failedRevisions = Set.copyOf(failedRevisions);
            errors = List.copyOf(errors);
            notDrawn = List.copyOf(notDrawn);
            refused = List.copyOf(refused);
        }

        /** DVC's warning for unreadable plots, if any: the workspace first, as DVC's brancher visits it. */
        public Optional<String> warning() {
            if (failedRevisions.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(LoadWarning.of(
                    "plots",
                    failedRevisions.stream()
                            .sorted(Comparator.comparing((String revision) -> !revision.equals(DvcRepository.WORKSPACE))
                                    .thenComparing(Comparator.naturalOrder()))
                            .toList()));
        }
    }

    private final DvcRepository repository;
    private final PlotRenderer renderer = new PlotRenderer();

    /** Plots in a repository. */
    public PlotsDiff(DvcRepository repository) {
        this.repository = repository;
    }

    /**
     * Writes the plots of some revisions.
     *
     * @param revisions in the order their series and images appear
     * @param out the output directory
     * @return the plots written; none in a Git repository without commits, as DVC
     * @throws UnknownRevisionException when a revision does not resolve
     * @throws IOException when the output cannot be written
     */
    public Result write(List<String> revisions, Path out) throws UnknownRevisionException, IOException {
        if (repository.hasNoCommits()) {
            return new Result(List.of(), Set.of(), List.of(), List.of(), List.of());
        }
        List<String> ordered = List.copyOf(new LinkedHashSet<>(revisions));
        Map<String, RevisionFiles> files = new LinkedHashMap<>();
        Map<String, PlotSource> definitions = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String revision : ordered) {
            try {
                RevisionFiles revisionFiles = repository.files(revision);
                files.put(revision, revisionFiles);
                for (PlotSource plot : PlotCollector.collect(revisionFiles.tree(), revisionFiles.project())) {
                    definitions.putIfAbsent(plot.id(), plot);
                }
            } catch (UnreadableFileException e) {
                failed.add(revision);
                errors.add(revision + ": " + e.getMessage());
            }
        }
        List<RenderedPlot> plots = new ArrayList<>();
        Optional<String> noText =
                definitions.values().stream().allMatch(PlotSource::isImage) ? Optional.empty() : TextDrawing.problem();
        noText.ifPresent(reason -> notDrawn.add("plots were not drawn: " + reason + "; " + TextDrawing.REMEDY));
        for (PlotSource plot : definitions.values()) {
            if (!plot.isImage() && noText.isPresent()) {
                continue;
            }
            RenderedPlot rendered = plot.isImage()
                    ? copyImages(plot, files, out, failed, errors, refused)
                    : draw(plot, files, out, failed, errors, notDrawn, refused);
            if (!rendered.images().isEmpty()) {
                plots.add(rendered);
            }
        }
        return new Result(plots, failed, errors, notDrawn, refused);
    }

    private static RenderedPlot copyImages(
            PlotSource plot,
            Map<String, RevisionFiles> files,
            Path out,
            Set<String> failed,
            List<String> errors,
            List<String> refused)
            throws IOException {
        List<RenderedPlot.Image> images = new ArrayList<>();
        String file = plot.files().get(0);
        for (Map.Entry<String, RevisionFiles> revision : files.entrySet()) {
            Optional<byte[]> content = read(revision, file, failed, errors, refused);
            if (content.isPresent()) {
                String name = "static/" + safe(revision.getKey() + "_" + file.replace('/', '_'));
                write(out.resolve(name), content.get());
                images.add(new RenderedPlot.Image(revision.getKey(), name, null));
            }
        }
        return new RenderedPlot(plot.id(), plot.text("title", plot.id()), images);
    }

    private RenderedPlot draw(
            PlotSource plot,
            Map<String, RevisionFiles> files,
            Path out,
            Set<String> failed,
            List<String> errors,
            List<String> notDrawn,
            List<String> refused)
            throws IOException {
        List<Series> series = new ArrayList<>();
        boolean header = !(plot.props().get("header") instanceof Value.Bool b && !b.value());
        String xField = xField(plot);
        String template = plot.text("template", "linear");
        int exactRows = PlotRenderer.countsEveryRow(template) ? Integer.MAX_VALUE : SeriesSampler.EXACT_ROWS;
        Set<String> yFields = new LinkedHashSet<>();
        for (Map.Entry<String, RevisionFiles> revision : files.entrySet()) {
            Map<String, FileSeries> drawable = new LinkedHashMap<>();
            boolean dropped = false;
            for (String file : plot.files()) {
                List<String> given = givenYFields(plot, file);
                List<String> checked = checkedFields(plot, file, given);
                Supplier<FileSeries> receivers = () -> new FileSeries(xField, given, exactRows, checked);
                Optional<FileSeries> taken = readSeries(revision, file, header, receivers, failed, errors, refused);
                dropped |= taken.isPresent() && taken.get().dropsRevision();
                taken.filter(FileSeries::drawable).ifPresent(fileSeries -> drawable.put(file, fileSeries));
            }
            if (dropped) { // DVC's flat_datapoints raises for the revision: match.py skips it, every file of it
                continue;
            }
            drawable.forEach((file, fileSeries) -> {
                List<String> fields = fileSeries.fields();
                for (int i = 0; i < fields.size(); i++) {
                    yFields.add(fields.get(i));
                    String name = plot.files().size() > 1 || fields.size() > 1
                            ? revision.getKey() + ": " + file + "::" + fields.get(i)
                            : revision.getKey();
                    series.add(fileSeries.series(i, name, revision.getKey()));
                }
            });
        }
        if (series.isEmpty()) {
            return new RenderedPlot(plot.id(), plot.id(), List.of());
        }
        String title = plot.text("title", plot.id());
        PlotRenderer.Drawing drawing;
        try {
            drawing = renderer.draw(
                    template,
                    title,
                    plot.text("x_label", xField == null ? "step" : xField),
                    plot.text(
                            "y_label", yFields.size() == 1 ? yFields.iterator().next() : "y"),
                    series);
        } catch (RuntimeException e) {
            // the chart library refuses data it cannot lay out (extreme ranges): the plot is left out, not the report
            notDrawn.add("plot '" + plot.id() + "' not drawn: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return new RenderedPlot(plot.id(), title, List.of());
        } catch (OutOfMemoryError e) {
            series.clear();
            refused.add(outOfMemory(plot.id(), "drawing it"));
            return new RenderedPlot(plot.id(), title, List.of());
        }
        drawing.leftOut().forEach(line -> notDrawn.add("plot '" + plot.id() + "': " + line));
        String base = safe(plot.id());
        write(out.resolve(base + ".png"), drawing.png());
        String svg = null;
        if (drawing.svg() != null) {
            svg = base + ".svg";
            write(out.resolve(svg), drawing.svg());
        }
        return new RenderedPlot(plot.id(), title, List.of(new RenderedPlot.Image(null, base + ".png", svg)), series);
    }

    /** One file's series in one revision; empty, with its error or refusal noted, when it cannot be read. */
    private Optional<FileSeries> readSeries(
            Map.Entry<String, RevisionFiles> revision,
            String file,
            boolean header,
            Supplier<FileSeries> receivers,
            Set<String> failed,
            List<String> errors,
            List<String> refused) {
        try {
            Optional<byte[]> content = read(revision, file, failed, errors, refused);
            if (content.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Datapoints.stream(file, content.get(), header, repository.reader(), receivers));
        } catch (UnreadableFileException e) {
            failed.add(revision.getKey());
            errors.add(revision.getKey() + ": " + e.getMessage());
            if (e.type().equals("FileTooLargeError")) {
                refused.add(file + ": " + revision.getKey() + ": " + e.getMessage() + " (limit " + limits() + ")");
            }
            return Optional.empty();
        } catch (OutOfMemoryError e) { // the file is the agent's or the CLI's: its heap, not the build, ends
            refused.add(outOfMemory(file + ": " + revision.getKey(), "reading it"));
            return Optional.empty();
        }
    }

    private static String xField(PlotSource plot) {
        Value x = plot.props().get("x");
        if (x instanceof Value.Dict byFile) {
            return byFile.entries().values().stream()
                    .findFirst()
                    .map(Value::str)
                    .orElse(null);
        }
        return x == null || x instanceof Value.None ? null : x.str();
    }

    /**
     * The fields DVC's {@code _verify_field} looks for in a file's first row: the y fields given for it, and the x
     * fields named for it, as DVC 3.67.1's {@code _infer_x_y} ({@code dvc/render/converter/vega.py}) names them: those
     * of {@code x: {file: field}}, or a string {@code x} for every file {@code y: {file: fields}} names (once per field)
     * and else for the plot's own file. Files are matched by their whole path.
     */
    private static List<String> checkedFields(PlotSource plot, String file, List<String> given) {
        List<String> checked = new ArrayList<>(given == null ? List.of() : given);
        Value x = plot.props().get("x");
        if (x instanceof Value.Dict byFile) {
            checked.addAll(names(byFile.entries().getOrDefault(file, Value.None.NONE)));
        } else if (x != null && !(x instanceof Value.None)) {
            boolean named = plot.props().get("y") instanceof Value.Dict yByFile
                    ? yByFile.entries().containsKey(file)
                            && !(yByFile.entries().get(file) instanceof Value.Seq fields
                                    && fields.items().isEmpty())
                    : file.equals(plot.id());
            if (named) {
                checked.add(x.str());
            }
        }
        return checked;
    }

    /** The y fields a plot names for a file, or {@code null} when it names none: the first row's last field. */
    private static List<String> givenYFields(PlotSource plot, String file) {
        Value y = plot.props().get("y");
        if (y instanceof Value.Dict byFile) {
            return names(byFile.entries().getOrDefault(file, Value.None.NONE));
        }
        if (y == null || y instanceof Value.None) {
            return null;
        }
        return names(y);
    }

    private String limits() {
        ReadLimits limits = repository.reader().limits();
        return limits.maxBytes() + " bytes per file, " + limits.maxEntries() + " entries per list";
    }

    /** A plot file or plot that needed more memory than this JVM has: the line says which, and the heap. */
    private static String outOfMemory(String what, String doing) {
        return what + ": out of memory " + doing + " (limit "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap, the JVM's -Xmx)";
    }

    private static List<String> names(Value fields) {
        if (fields instanceof Value.Seq seq) {
            return seq.items().stream().map(Value::str).toList();
        }
        return fields instanceof Value.None ? List.of() : List.of(fields.str());
    }

    private static Optional<byte[]> read(
            Map.Entry<String, RevisionFiles> revision,
            String file,
            Set<String> failed,
            List<String> errors,
            List<String> refused) {
        try {
            Optional<byte[]> content = revision.getValue().read(file);
            if (content.isEmpty()) {
                failed.add(revision.getKey());
                errors.add(revision.getKey() + ": [Errno 2] No such file or directory: '" + file + "'");
            }
            return content;
        } catch (IOException e) {
            failed.add(revision.getKey());
            errors.add(revision.getKey() + ": " + e.getMessage());
            if (e instanceof FileTooLargeException large) {
                refused.add(file + ": " + revision.getKey() + ": " + e.getMessage() + " (limit " + large.limit()
                        + " bytes per file)");
            }
            return Optional.empty();
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, content);
    }

    /** A file name from an id or path: anything but letters, digits, {@code .}, {@code _} and {@code -} is {@code _}. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
