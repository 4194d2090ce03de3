package io.jenkins.plugins.gputrain.core.dvc.plots;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Whether this JVM can draw text with Java2D, which every chart needs. A machine without fonts (or without fontconfig
 * and FreeType, as slim agent images often are) makes Java2D throw a plain {@code java.lang.Error} ("Probable fatal
 * error: No physical fonts found.", also wrapped in an {@code InternalError}), {@code UnsatisfiedLinkError} or a {@code NullPointerException} from its font
 * configuration, and then {@code NoClassDefFoundError} on every later try. Reports are then written without charts.
 */
public final class TextDrawing {
    /** What to install, said with the failure. */
    static final String REMEDY =
            "install fontconfig and a font (Debian: fonts-dejavu-core) where the report is written";

    private TextDrawing() {}

    /**
     * Tries once to draw a line of text.
     *
     * @return why text cannot be drawn here, in one line, or empty when it can
     */
    public static Optional<String> problem() {
        try {
            Graphics2D graphics = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB).createGraphics();
            try {
                graphics.drawString("0.5", 0, 8);
                graphics.getFontMetrics().stringWidth("0.5");
            } finally {
                graphics.dispose();
            }
            return Optional.empty();
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw e;
        } catch (Throwable e) { // Java2D's font failures are Errors, LinkageErrors and RuntimeExceptions alike
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null
                    ? ""
                    : ": " + root.getMessage().lines().findFirst().orElse("");
            return Optional.of("Java2D cannot draw text on this machine ("
                    + root.getClass().getName() + message + ")");
        }
    }
}
