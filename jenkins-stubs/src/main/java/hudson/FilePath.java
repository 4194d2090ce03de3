package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only stub of {@code hudson.FilePath}. */
public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(File localPath) {}

    public String getRemote() {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("compile-only stub of the Jenkins API");
    }

    /** Compile-only stub of {@code hudson.FilePath.FileCallable}. */
    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
