package io.jenkins.plugins.gputrain.core.dvc.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Python's order of {@code str}: by code point, which DVC's {@code sorted()} of keys and paths uses. Java's
 * {@link String#compareTo} compares UTF-16 units instead and puts an astral character ({@code 😀}, a surrogate pair
 * from U+D83D) before BMP characters above U+D800 ({@code ａ}, U+FF41).
 */
public final class CodePointOrder implements Comparator<String> {
    /** The one instance. */
    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {}

    /**
     * The strings sorted in this order: by {@link String#compareTo}, which is the same order and faster, where none
     * of them holds a surrogate.
     *
     * @param strings distinct strings
     * @return a new list of them, sorted
     */
    public static List<String> sorted(Collection<String> strings) {
        String[] array = strings.toArray(new String[0]);
        if (Arrays.stream(array).anyMatch(CodePointOrder::hasSurrogate)) {
            Arrays.sort(array, INSTANCE);
        } else {
            Arrays.sort(array);
        }
        return Arrays.asList(array);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares by UTF-16 unit up to the first that differs, the same order while neither of the two is a surrogate;
     * else by code point from the start.
     */
    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int k = 0; k < length; k++) {
            char left = a.charAt(k);
            char right = b.charAt(k);
            if (left != right) {
                return Character.isSurrogate(left) || Character.isSurrogate(right)
                        ? byCodePoint(a, b)
                        : Integer.compare(left, right);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int byCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
