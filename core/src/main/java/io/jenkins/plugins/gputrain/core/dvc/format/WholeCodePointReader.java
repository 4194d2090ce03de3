package io.jenkins.plugins.gputrain.core.dvc.format;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that fills at most all but one char of a buffer, so snakeyaml-engine's {@code StreamReader} always has
 * room for the low surrogate it reads after a high surrogate that ends a read. snakeyaml-engine 2.9 (the version
 * Jenkins' kubernetes-client-api plugin provides) fills the whole buffer and then writes past it, an {@link
 * IndexOutOfBoundsException}; upstream fixed it the same way (cedf62b, "handle boundary condition related to
 * surrogate chars", released in 3.1).
 */
final class WholeCodePointReader extends Reader {
    private final Reader in;

    WholeCodePointReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length > 1 ? length - 1 : length);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
