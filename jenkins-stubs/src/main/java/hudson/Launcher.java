package hudson;

import java.io.IOException;
import java.io.OutputStream;

/** Compile-only stub of {@code hudson.Launcher}. */
public abstract class Launcher {
    protected Launcher(Launcher launcher) {}

    public final ProcStarter launch() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    /** Compile-only stub of {@code hudson.Launcher.ProcStarter}. */
    public final class ProcStarter {
        public ProcStarter cmds(String... args) {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }

        public ProcStarter pwd(FilePath workDir) {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }

        public ProcStarter stdout(OutputStream out) {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }

        public ProcStarter stderr(OutputStream err) {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }

        public ProcStarter quiet(boolean quiet) {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }

        public int join() throws IOException, InterruptedException {
            throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
        }
    }
}
