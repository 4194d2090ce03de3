package io.jenkins.plugins.gputrain.core.dvc.render;

/**
 * How many terminal columns a cell takes, as tabulate measures it with {@code wcwidth} (which DVC installs): East
 * Asian wide and fullwidth characters take two; combining marks, format characters (not the soft hyphen), Hangul
 * Jamo vowels and finals and line/paragraph separators none; a control character makes the whole text -1; the rest
 * one.
 */
final class DisplayWidth {
    /** East Asian Wide (W) and Fullwidth (F) blocks, as pairs of first and last code point. */
    private static final int[] WIDE = {
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE,
        0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
        0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
        0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755,
        0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        0x2E80, 0x303E, 0x3041, 0x33FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xA000, 0xA4CF, 0xA960, 0xA97F, 0xAC00, 0xD7A3,
        0xF900, 0xFAFF, 0xFE10, 0xFE19, 0xFE30, 0xFE6F, 0xFF00, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x18CFF, 0x1B000,
        0x1B2FF, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F2FF, 0x1F300,
        0x1F64F, 0x1F680, 0x1F6FF, 0x1F7E0, 0x1F7EB, 0x1F90C, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000,
        0x3FFFD
    };

    private DisplayWidth() {}

    /**
     * The columns the text takes; -1 when it holds a control character, as {@code wcswidth} says. Sequences as
     * wcswidth 0.9.4 measures them: a spacing mark after a character makes that cluster two wide (alone it takes
     * none), a zero-width joiner hides the character after it, a skin-tone modifier after an emoji and the second
     * regional indicator of a pair take nothing.
     */
    static int of(String text) {
        if (isPrintableAscii(text)) {
            return text.length();
        }
        int[] codePoints = text.codePoints().toArray();
        int total = 0;
        int cluster = 0;
        int last = -1;
        for (int i = 0; i < codePoints.length; i++) {
            int codePoint = codePoints[i];
            if (codePoint == 0x200D) {
                i++;
                continue;
            }
            if (isRegionalIndicator(codePoint) && i > 0 && regionalIndicatorsBefore(codePoints, i) % 2 != 0
                    || codePoint >= 0x1F3FB && codePoint <= 0x1F3FF && last >= 0x1F000 && columns(last) == 2) {
                continue;
            }
            int columns = columns(codePoint);
            if (columns < 0) {
                return -1;
            }
            if (columns > 0) {
                total += cluster;
                cluster = columns;
                last = codePoint;
            } else if (last >= 0 && Character.getType(codePoint) == Character.COMBINING_SPACING_MARK) {
                cluster = 2;
                last = -1;
            }
        }
        return total + cluster;
    }

    /** Whether every character is one of U+0020–U+007E, each one column wide (nearly every key and number). */
    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static int regionalIndicatorsBefore(int[] codePoints, int index) {
        int count = 0;
        for (int j = index - 1; j >= 0 && isRegionalIndicator(codePoints[j]); j--) {
            count++;
        }
        return count;
    }

    private static int columns(int codePoint) {
        if (codePoint > 0 && codePoint < 0x20 || codePoint >= 0x7F && codePoint < 0xA0) {
            return -1;
        }
        if (codePoint == 0xAD
                || codePoint >= 0x600 && codePoint <= 0x605
                || codePoint == 0x6DD
                || codePoint == 0x70F
                || codePoint == 0x8E2
                || codePoint == 0x110BD
                || codePoint == 0x110CD) {
            return 1;
        }
        if (codePoint >= 0x1160 && codePoint <= 0x11FF
                || codePoint >= 0xD7B0 && codePoint <= 0xD7FF
                || codePoint == 0x2028
                || codePoint == 0x2029) {
            return 0;
        }
        if (isRegionalIndicator(codePoint)) {
            return 2;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT
                || codePoint == 0) {
            return 0;
        }
        for (int i = 0; i < WIDE.length; i += 2) {
            if (codePoint >= WIDE[i] && codePoint <= WIDE[i + 1]) {
                return 2;
            }
        }
        return 1;
    }
}
