package io.jenkins.plugins.gputrain.cli;

import io.jenkins.plugins.gputrain.core.ProductInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The jar's entry point: a lone {@code --version} or {@code -V} is answered here, without loading picocli, with the
 * line picocli prints for it; every other command line is {@link GpuTrainCommand#main}'s, with JGit readied
 * meanwhile for a command that opens a repository ({@link GitWarmUp}) and the plot drawing for one that draws plots
 * ({@link DrawingWarmUp}).
 */
public final class Main {
    private Main() {}

    /**
     * Prints the version or runs the command line, and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String... args) {
        Optional<String> version = versionLine(args);
        if (version.isPresent()) {
            PrintStream out = System.out;
            out.println(version.get());
            out.flush();
            System.exit(0);
        }
        GitWarmUp.startFor(args);
        DrawingWarmUp.startFor(args);
        GpuTrainCommand.main(args);
    }

    /**
     * The version line, when these arguments ask only for it and picocli would print the line as it is: plain ASCII
     * without a {@code %} (picocli formats it with {@code String.format}) or an {@code @|} (its colour markup).
     * Anything else, a stamp that cannot be read included, is left to picocli and its error handling.
     *
     * @param args the arguments
     * @return the line to print, if this is a lone version request
     */
    static Optional<String> versionLine(String... args) {
        if (args.length != 1 || !(args[0].equals("--version") || args[0].equals("-V"))) {
            return Optional.empty();
        }
        try {
            String line = ProductInfo.current().versionLine();
            boolean plain = StandardCharsets.US_ASCII.newEncoder().canEncode(line)
                    && line.indexOf('%') < 0
                    && !line.contains("@|");
            return plain ? Optional.of(line) : Optional.empty();
        } catch (RuntimeException e) { // picocli reports it, as before
            return Optional.empty();
        }
    }
}
