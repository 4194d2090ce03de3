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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
     *     values not drawn (inf, -inf or nan)}, per revision DVC leaves out of a plot, as DVC words it ({@code In
     *     'workspace', could not find provided field ('loss') in data fields ('step').}), or the one line saying
     *     that no data plot was drawn because this machine cannot draw text
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
        Map<String, Map<String, PlotSource>> definitions = new LinkedHashMap<>();
        Set<String> failed = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String revision : ordered) {
            try {
                RevisionFiles revisionFiles = repository.files(revision);
                files.put(revision, revisionFiles);
                for (PlotSource plot : PlotCollector.collect(revisionFiles.tree(), revisionFiles.project())) {
                    definitions
                            .computeIfAbsent(plot.id(), id -> new LinkedHashMap<>())
                            .put(revision, plot);
                }
            } catch (UnreadableFileException e) {
                failed.add(revision);
                errors.add(revision + ": " + e.getMessage());
            }
        }
        List<RenderedPlot> plots = new ArrayList<>();
        Optional<String> noText = definitions.values().stream()
                        .allMatch(byRevision -> merged(byRevision).isImage())
                ? Optional.empty()
                : TextDrawing.problem();
        noText.ifPresent(reason -> notDrawn.add("plots were not drawn: " + reason + "; " + TextDrawing.REMEDY));
        for (Map<String, PlotSource> byRevision : definitions.values()) {
            PlotSource plot = merged(byRevision);
            if (!plot.isImage() && noText.isPresent()) {
                continue;
            }
            Map<String, RevisionFiles> defining = new LinkedHashMap<>();
            byRevision.keySet().forEach(revision -> defining.put(revision, files.get(revision)));
            RenderedPlot rendered = plot.isImage()
                    ? copyImages(byRevision, defining, out, failed, errors, refused)
                    : draw(plot, byRevision, defining, out, failed, errors, notDrawn, refused);
            if (!rendered.images().isEmpty()) {
                plots.add(rendered);
            }
        }
        return new Result(plots, failed, errors, notDrawn, refused);
    }

    /**
     * A plot's definition merged over the revisions that define it, as DVC 3.67.1's {@code _squash_plots_properties}
     * ({@code dvc/render/match.py}) merges them: each property as the first of them in DVC's order (the workspace
     * first) gives it; the files are the first's.
     */
    private static PlotSource merged(Map<String, PlotSource> byRevision) {
        List<PlotSource> inDvcOrder = byRevision.entrySet().stream()
                .sorted(Comparator.comparing(
                        (Map.Entry<String, PlotSource> entry) -> !entry.getKey().equals(DvcRepository.WORKSPACE)))
                .map(Map.Entry::getValue)
                .toList();
        Map<String, Value> props = new LinkedHashMap<>();
        inDvcOrder.forEach(plot -> plot.props().forEach(props::putIfAbsent));
        PlotSource first = inDvcOrder.get(0);
        return new PlotSource(first.id(), first.files(), props);
    }

    private static RenderedPlot copyImages(
            Map<String, PlotSource> byRevision,
            Map<String, RevisionFiles> files,
            Path out,
            Set<String> failed,
            List<String> errors,
            List<String> refused)
            throws IOException {
        List<RenderedPlot.Image> images = new ArrayList<>();
        PlotSource plot = merged(byRevision);
        for (Map.Entry<String, RevisionFiles> revision : files.entrySet()) {
            String file = byRevision.get(revision.getKey()).files().get(0);
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
            Map<String, PlotSource> byRevision,
            Map<String, RevisionFiles> files,
            Path out,
            Set<String> failed,
            List<String> errors,
            List<String> notDrawn,
            List<String> refused)
            throws IOException {
        List<Series> series = new ArrayList<>();
        String template = plot.text("template", "linear");
        int exactRows = PlotRenderer.countsEveryRow(template) ? Integer.MAX_VALUE : SeriesSampler.EXACT_ROWS;
        Map<String, RevisionSeries.Converted> converted = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, RevisionFiles> revision : files.entrySet()) {
            PlotSource own = byRevision.get(revision.getKey());
            boolean header = !(own.props().get("header") instanceof Value.Bool b && !b.value());
            PlotSource defined = new PlotSource(plot.id(), own.files(), plot.props());
            RevisionSeries.Files reader = new RevisionSeries.Files() {
                @Override
                public <T extends Consumer<Map<String, Value>>> Optional<T> read(
                        String file, Supplier<T> receivers, boolean report) throws Datapoints.DatapointsFailure {
                    return readSeries(revision, file, header, receivers, report, failed, errors, refused);
                }
            };
            RevisionSeries.Converted one = RevisionSeries.convert(defined, revision.getKey(), exactRows, reader);
            if (one.failure() != null) { // DVC's match_defs_renderers warns and leaves the revision out
                String warning =
                        "In '" + revision.getKey() + "', " + one.failure().toLowerCase(Locale.ROOT);
                // DVC's plot data lists the workspace first (match.py's loop over the revisions' results)
                warnings.add(revision.getKey().equals(DvcRepository.WORKSPACE) ? 0 : warnings.size(), warning);
                continue;
            }
            converted.put(revision.getKey(), one);
            series.addAll(one.series());
        }
        notDrawn.addAll(warnings);
        if (series.isEmpty()) {
            return new RenderedPlot(plot.id(), plot.id(), List.of());
        }
        // the labels of the first revision with data points, the workspace first as DVC takes them
        RevisionSeries.Converted labelled = converted.entrySet().stream()
                .filter(entry -> !entry.getValue().series().isEmpty())
                .min(Comparator.comparing(entry -> !entry.getKey().equals(DvcRepository.WORKSPACE)))
                .orElseThrow()
                .getValue();
        String title = plot.text("title", plot.id());
        PlotRenderer.Drawing drawing;
        try {
            drawing = renderer.draw(template, title, labelled.xLabel(), labelled.yLabel(), series);
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

    /**
     * One file's rows in one revision, streamed to a receiver; empty, with its error or refusal noted when
     * {@code report} is set, when it cannot be read.
     */
    private <T extends Consumer<Map<String, Value>>> Optional<T> readSeries(
            Map.Entry<String, RevisionFiles> revision,
            String file,
            boolean header,
            Supplier<T> receivers,
            boolean report,
            Set<String> failed,
            List<String> errors,
            List<String> refused)
            throws Datapoints.DatapointsFailure {
        if (!report) {
            return readSeries(
                    revision,
                    file,
                    header,
                    receivers,
                    true,
                    new LinkedHashSet<>(),
                    new ArrayList<>(),
                    new ArrayList<>());
        }
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

    private String limits() {
        ReadLimits limits = repository.reader().limits();
        return limits.maxBytes() + " bytes per file, " + limits.maxEntries() + " entries per list";
    }

    /** A plot file or plot that needed more memory than this JVM has: the line says which, and the heap. */
    private static String outOfMemory(String what, String doing) {
        return what + ": out of memory " + doing + " (limit "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB heap, the JVM's -Xmx)";
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
