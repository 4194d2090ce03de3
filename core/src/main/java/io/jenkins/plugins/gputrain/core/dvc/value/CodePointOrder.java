package io.jenkins.plugins.gputrain.core.dvc.value;

import java.util.Comparator;

/**
 * Python's order of {@code str}: by code point, which DVC's {@code sorted()} of keys and paths uses. Java's
 * {@link String#compareTo} compares UTF-16 units instead and puts an astral character ({@code 😀}, a surrogate pair
 * from U+D83D) before BMP characters above U+D800 ({@code ａ}, U+FF41).
 */
public final class CodePointOrder implements Comparator<String> {
    /** The one instance. */
    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {}

    @Override
    public int compare(String a, String b) {
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
