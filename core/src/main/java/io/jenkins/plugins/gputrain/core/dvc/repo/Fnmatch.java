package io.jenkins.plugins.gputrain.core.dvc.repo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Python's {@code fnmatch.fnmatchcase}, which dpath applies to each part of a stage's params key: {@code *}, {@code ?}
 * and {@code [...]} classes ({@code [!...]} negated, ranges), translated as CPython 3.11's {@code fnmatch.translate}
 * does, the class then read as its regular expression engine reads it ({@code sre_parse}). A pattern whose translation
 * Python's {@code re} refuses (a range such as {@code [b-a-c]} left reversed) matches nothing, as dpath turns the
 * error into no match.
 */
final class Fnmatch {
    private static final String STAR = "*";
    /** Patterns compiled so far, forgotten past this many (a params key has a few parts). */
    private static final int MAX_COMPILED = 256;

    private static final Map<String, Optional<Fnmatch>> COMPILED = new ConcurrentHashMap<>();

    private final Pattern regex;

    private Fnmatch(Pattern regex) {
        this.regex = regex;
    }

    /**
     * Whether a name matches a pattern.
     *
     * @param name a key, or a list index as text
     * @param pattern the part of the params key
     * @return what {@code fnmatch.fnmatchcase(name, pattern)} returns
     */
    static boolean matches(String name, String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0 && pattern.indexOf('[') < 0) {
            return name.equals(pattern);
        }
        if (COMPILED.size() > MAX_COMPILED) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(pattern, Fnmatch::compile)
                .map(glob -> glob.regex.matcher(name).matches())
                .orElse(false);
    }

    private static Optional<Fnmatch> compile(String pattern) {
        int[] chars = pattern.codePoints().toArray();
        List<String> pieces = new ArrayList<>();
        int i = 0;
        while (i < chars.length) {
            int c = chars[i++];
            if (c == '*') {
                if (pieces.isEmpty() || !STAR.equals(pieces.get(pieces.size() - 1))) {
                    pieces.add(STAR);
                }
            } else if (c == '?') {
                pieces.add(".");
            } else if (c == '[') {
                int end = classEnd(chars, i);
                if (end >= chars.length) {
                    pieces.add(literal('['));
                } else {
                    Optional<String> set = characterClass(chars, i, end);
                    if (set.isEmpty()) {
                        return Optional.empty();
                    }
                    pieces.add(set.get());
                    i = end + 1;
                }
            } else {
                pieces.add(literal(c));
            }
        }
        return Optional.of(new Fnmatch(Pattern.compile(join(pieces), Pattern.DOTALL)));
    }

    /** Where a class opened before {@code start} ends: a {@code !} and a first {@code ]} belong to it. */
    private static int classEnd(int[] chars, int start) {
        int j = start;
        if (j < chars.length && chars[j] == '!') {
            j++;
        }
        if (j < chars.length && chars[j] == ']') {
            j++;
        }
        while (j < chars.length && chars[j] != ']') {
            j++;
        }
        return j;
    }

    /**
     * The class {@code pattern[start:end]} as a Java regex: fnmatch's {@code stuff} (ranges split at {@code -} into
     * chunks, reversed ranges dropped), then read as {@code sre_parse} reads {@code [stuff]}; empty when Python's
     * translation fails or {@code re} refuses it.
     */
    private static Optional<String> characterClass(int[] chars, int start, int end) {
        List<int[]> stuff = new ArrayList<>(); // code points, each with whether fnmatch escaped it
        if (!contains(chars, start, end, '-')) {
            for (int k = start; k < end; k++) {
                stuff.add(new int[] {chars[k], 0});
            }
        } else {
            List<int[]> chunks = new ArrayList<>();
            int from = start;
            int k = chars[start] == '!' ? start + 2 : start + 1;
            while (true) {
                k = indexOf(chars, '-', k, end);
                if (k < 0) {
                    break;
                }
                chunks.add(Arrays.copyOfRange(chars, from, k));
                from = k + 1;
                k = k + 3;
            }
            int[] last = Arrays.copyOfRange(chars, from, end);
            if (last.length > 0) {
                chunks.add(last);
            } else {
                int[] previous = chunks.get(chunks.size() - 1);
                int[] longer = Arrays.copyOf(previous, previous.length + 1);
                longer[previous.length] = '-';
                chunks.set(chunks.size() - 1, longer);
            }
            for (int c = chunks.size() - 1; c > 0; c--) {
                int[] before = chunks.get(c - 1);
                int[] after = chunks.get(c);
                if (before.length == 0 || after.length == 0) {
                    return Optional.empty(); // Python's IndexError
                }
                if (before[before.length - 1] > after[0]) {
                    int[] merged = new int[before.length - 1 + after.length - 1];
                    System.arraycopy(before, 0, merged, 0, before.length - 1);
                    System.arraycopy(after, 1, merged, before.length - 1, after.length - 1);
                    chunks.set(c - 1, merged);
                    chunks.remove(c);
                }
            }
            for (int c = 0; c < chunks.size(); c++) {
                if (c > 0) {
                    stuff.add(new int[] {'-', 0});
                }
                for (int ch : chunks.get(c)) {
                    stuff.add(new int[] {ch, ch == '-' || ch == '\\' ? 1 : 0});
                }
            }
        }
        if (stuff.isEmpty()) {
            return Optional.of("(?!)");
        }
        if (stuff.size() == 1 && stuff.get(0)[0] == '!' && stuff.get(0)[1] == 0) {
            return Optional.of(".");
        }
        boolean negated = stuff.get(0)[0] == '!' && stuff.get(0)[1] == 0;
        List<int[]> body = negated ? stuff.subList(1, stuff.size()) : stuff;
        return ranges(body).map(ranges -> (negated ? "[^" : "[") + ranges + "]");
    }

    /**
     * {@code sre_parse}'s reading of a class body: an item, then {@code -} and an item make a range (refused when
     * reversed); a {@code -} last is itself; {@code &~|} and escaped characters are themselves.
     */
    private static Optional<String> ranges(List<int[]> body) {
        StringBuilder set = new StringBuilder();
        int i = 0;
        while (i < body.size()) {
            int low = body.get(i)[0];
            boolean rangeFollows = i + 2 < body.size() && body.get(i + 1)[0] == '-' && body.get(i + 1)[1] == 0;
            if (rangeFollows) {
                int high = body.get(i + 2)[0];
                if (high < low) {
                    return Optional.empty(); // re.error: bad character range
                }
                set.append(hex(low)).append('-').append(hex(high));
                i += 3;
            } else {
                set.append(hex(low));
                i++;
            }
        }
        return Optional.of(set.toString());
    }

    private static String join(List<String> pieces) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pieces.size() && !STAR.equals(pieces.get(i))) {
            regex.append(pieces.get(i++));
        }
        while (i < pieces.size()) {
            i++; // a star
            StringBuilder fixed = new StringBuilder();
            while (i < pieces.size() && !STAR.equals(pieces.get(i))) {
                fixed.append(pieces.get(i++));
            }
            regex.append(i == pieces.size() ? ".*" + fixed : "(?>.*?" + fixed + ")");
        }
        return regex.toString();
    }

    private static String literal(int c) {
        return hex(c);
    }

    private static String hex(int c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }

    private static boolean contains(int[] chars, int from, int to, int c) {
        return indexOf(chars, c, from, to) >= 0;
    }

    private static int indexOf(int[] chars, int c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (chars[k] == c) {
                return k;
            }
        }
        return -1;
    }
}
