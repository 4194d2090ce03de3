package io.jenkins.plugins.gputrain.core.dvc.plots;

import io.jenkins.plugins.gputrain.core.dvc.format.DataFileReader;
import io.jenkins.plugins.gputrain.core.dvc.repo.DvcRepository;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code plots diff} of a directory's workspace in a JVM of its own (the test picks its heap): prints one line per
 * plot drawn ({@code plot ID: N points, first X Y, last X Y}) and per refused file ({@code refused LINE}).
 */
public final class PlotsOfThisRepository {
    private PlotsOfThisRepository() {}

    /** Arguments: the repository directory, the output directory. */
    public static void main(String[] args) throws Exception {
        try (DvcRepository repository = DvcRepository.open(Path.of(args[0]), DataFileReader.DEFAULT_MAX_BYTES)) {
            PlotsDiff.Result result =
                    new PlotsDiff(repository).write(List.of(DvcRepository.WORKSPACE), Path.of(args[1]));
            for (RenderedPlot plot : result.plots()) {
                for (Series series : plot.series()) {
                    int last = series.x().size() - 1;
                    System.out.println("plot " + plot.id() + ": " + series.x().size() + " points, first "
                            + series.x().get(0).str() + " " + series.y().get(0).str() + ", last "
                            + series.x().get(last).str() + " "
                            + series.y().get(last).str());
                }
            }
            result.refused().forEach(line -> System.out.println("refused " + line));
            result.notDrawn().forEach(line -> System.out.println("not drawn " + line));
        }
    }
}
