package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.dvc.plots.PlotRenderer;
import java.util.Optional;
import java.util.Set;

/**
 * Readies the plot drawing on a second thread while the command reads the repository and its plot files, for
 * {@code plots} (not for {@code report}, which draws only for a project with plots, so the warm-up would be spent in
 * vain on the others): {@link PlotRenderer#warmUp} draws a small chart and drops it, so the first real drawing
 * finds AWT, XChart, the PNG writer and the XML serializer loaded and initialised. Nothing waits for it: a drawing
 * that starts first initialises what it needs itself (the JVM lets one thread initialise a class while the other
 * waits), and the bytes drawn are the same either way.
 */
final class DrawingWarmUp {
    /** The subcommands that draw plots whenever they succeed. */
    static final Set<String> DRAWING_COMMANDS = Set.of("plots");

    private DrawingWarmUp() {}

    /**
     * Starts the warm-up when the first argument names a command that draws plots whenever it succeeds.
     *
     * @param args the command line's arguments
     * @return the thread started, if one was
     */
    static Optional<Thread> startFor(String... args) {
        if (args.length == 0 || !DRAWING_COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        Thread thread = new Thread(PlotRenderer::warmUp, "gpu-train drawing warm-up");
        thread.setDaemon(true); // the command ends without waiting for it
        thread.start();
        return Optional.of(thread);
    }
}
