package io.jenkins.plugins.gputrain.core.dvc.format;

import java.io.ByteArrayOutputStream;

/**
 * Python's {@code base64.decodebytes} ({@code binascii.a2b_base64}, not strict; CPython 3.11's {@code
 * Modules/binascii.c}): characters outside the alphabet are skipped, a {@code =} ends the data once it completes a
 * group of four (earlier ones are skipped), and the data must end on a whole group or be padded.
 */
final class PythonBase64 {
    private PythonBase64() {}

    /**
     * Decodes ASCII text.
     *
     * @param text the text
     * @return the bytes
     * @throws IllegalArgumentException where Python raises {@code binascii.Error}
     */
    static byte[] decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 3 / 4);
        int group = 0;
        int bits = 0;
        int pads = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                pads++;
                if (group >= 2 && group + pads >= 4) {
                    // the padded group's whole bytes: 12 bits make one, 18 bits two
                    if (group == 2) {
                        bytes.write(bits >> 4);
                    } else {
                        bytes.write(bits >> 10);
                        bytes.write(bits >> 2);
                    }
                    group = 0;
                    break;
                }
                continue;
            }
            int sextet = sextet(c);
            if (sextet < 0) {
                continue;
            }
            pads = 0;
            bits = bits << 6 | sextet;
            group++;
            if (group == 4) {
                bytes.write(bits >> 16);
                bytes.write(bits >> 8);
                bytes.write(bits);
                group = 0;
                bits = 0;
            }
        }
        if (group == 1) {
            throw new IllegalArgumentException("number of data characters cannot be 1 more than a multiple of 4");
        }
        if (group != 0) {
            throw new IllegalArgumentException("Incorrect padding");
        }
        return bytes.toByteArray();
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '+') {
            return 62;
        }
        return c == '/' ? 63 : -1;
    }
}
