package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.gputrain.core.dvc.format.UnreadableFileException;
import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * CSV/TSV records without quotes, handed on as views of the file's bytes, are the rows Python's {@code csv.DictReader}
 * gives for the whole text split at its line ends and separators, as DVC 3.67.1's {@code _load_sv} reads them: the
 * same fields in the same order, the same cells (duplicate field names, short rows with {@code None}, long rows with
 * their extra cells under {@code null}, an empty first line naming no field, empty cells and lines, multi-byte UTF-8
 * included), no rows where a later row is long and the first is not, and each field looked up alone gives its cell;
 * malformed UTF-8 is DVC's {@code EncodingError}.
 */
class DelimitedRowsPropertiesTest {
    @Property(tries = 1000)
    void recordsWithoutQuotesAreTheRowsOfPythonsDictReader(
            @ForAll("files") byte[] content, @ForAll boolean tab, @ForAll boolean header)
            throws UnreadableFileException {
        char separator = tab ? '\t' : ',';
        Optional<String> text = strict(content);
        if (text.isEmpty()) {
            assertThatThrownBy(() -> read(content, separator, header))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("unable to read: 'p.csv', is not valid utf8");
            return;
        }
        if (!header && content.length == 0) {
            assertThatThrownBy(() -> read(content, separator, header))
                    .hasMessage("object of type 'NoneType' has no len()");
            return;
        }
        List<Map<String, Value>> rows = read(content, separator, header);
        List<Map<String, Value>> expected = dictReader(text.get(), separator, header);
        assertThat(rows).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Value> row = rows.get(i);
            assertThat(row).isEqualTo(expected.get(i));
            assertThat(new ArrayList<>(row.keySet()))
                    .isEqualTo(new ArrayList<>(expected.get(i).keySet()));
            for (String field : Arrays.asList("a", "b", "é", "0", "1", "2", "", null)) {
                assertThat(row.get(field)).as(field).isEqualTo(expected.get(i).get(field));
                assertThat(row.getOrDefault(field, Value.None.NONE))
                        .isEqualTo(expected.get(i).getOrDefault(field, Value.None.NONE));
                assertThat(row.containsKey(field)).isEqualTo(expected.get(i).containsKey(field));
            }
        }
    }

    /**
     * DVC 3.67.1 ({@code dvc plots diff --json}) gives {@code {"a": "7", "b": "5"}, {"a": null, "b": "30"}}: Python's
     * {@code DictReader} sets the fields past a short row's end to its missing value, the first {@code a} included.
     */
    @Example
    void aShortRowWithoutTheLastCellOfAFieldNamedTwiceHasNoneForIt() throws Exception {
        List<Map<String, Value>> rows = read("a,b,a\n1,5,7\n2,30\n".getBytes(StandardCharsets.UTF_8), ',', true);

        Map<String, Value> shortRow = new LinkedHashMap<>();
        shortRow.put("a", Value.None.NONE);
        shortRow.put("b", new Value.Str("30"));
        assertThat(rows).containsExactly(Map.of("a", new Value.Str("7"), "b", new Value.Str("5")), shortRow);
        assertThat(List.copyOf(rows.get(0).keySet())).containsExactly("a", "b");
    }

    /** A cell of more than 131072 characters is the csv module's {@code Error}; one of 131072 (in 3-byte UTF-8) reads. */
    @Example
    void aCellPastTheCsvModulesFieldSizeLimitIsItsError() throws Exception {
        String limit = "€".repeat(DelimitedRows.FIELD_SIZE_LIMIT);
        assertThat(read(("a\n" + limit + "\n").getBytes(StandardCharsets.UTF_8), ',', true))
                .containsExactly(Map.of("a", new Value.Str(limit)));
        for (String file : List.of("a\n" + limit + "x\n", "a\n\"" + limit + "x\"\n", limit + "x\n1\n")) {
            assertThatThrownBy(() -> read(file.getBytes(StandardCharsets.UTF_8), ',', true))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("field larger than field limit (131072)");
        }
    }

    private static List<Map<String, Value>> read(byte[] content, char separator, boolean header)
            throws UnreadableFileException {
        return DelimitedRows.read("p.csv", content, separator, header, Collected::new).rows;
    }

    /** The rows one receiver got. */
    private static final class Collected implements Consumer<Map<String, Value>> {
        private final List<Map<String, Value>> rows = new ArrayList<>();

        @Override
        public void accept(Map<String, Value> row) {
            rows.add(row);
        }
    }

    private static Optional<String> strict(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(content))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The rows {@code csv.DictReader} gives for the whole text (without quotes), through DVC's header rules. */
    private static List<Map<String, Value>> dictReader(String text, char separator, boolean header) {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        if (text.endsWith("\n") || text.endsWith("\r")) {
            lines = lines.subList(0, lines.size() - 1);
        }
        List<String> fields = new ArrayList<>();
        List<String> first = lines.isEmpty() || lines.get(0).isEmpty() ? List.of() : cells(lines.get(0), separator);
        if (header) {
            fields.addAll(first);
        } else {
            int count = lines.isEmpty() || lines.get(0).isEmpty()
                    ? 0
                    : cells(lines.get(0), ',').size();
            for (int i = 0; i < count; i++) {
                fields.add(String.valueOf(i));
            }
        }
        List<Map<String, Value>> rows = new ArrayList<>();
        for (String line : header && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = cells(line, separator);
            Map<String, Value> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < cells.size(); i++) {
                row.put(fields.get(i), new Value.Str(cells.get(i)));
            }
            for (int i = cells.size(); i < fields.size(); i++) {
                row.put(fields.get(i), Value.None.NONE); // DictReader's restval
            }
            if (cells.size() > fields.size()) { // DictReader's restkey
                List<Value> rest = new ArrayList<>();
                cells.subList(fields.size(), cells.size()).forEach(cell -> rest.add(new Value.Str(cell)));
                row.put(null, new Value.Seq(rest, Value.Seq.Kind.LIST));
            }
            rows.add(row);
        }
        // DVC's _is_datapoints: a later row with a key the first lacks makes the rows no data points
        if (!rows.isEmpty()
                && rows.stream().anyMatch(row -> !rows.get(0).keySet().containsAll(row.keySet()))) {
            return List.of();
        }
        return rows;
    }

    private static List<String> cells(String line, char separator) {
        return List.of(line.split(Pattern.quote(String.valueOf(separator)), -1));
    }

    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<byte[]> piece = Arbitraries.oneOf(
                Arbitraries.of("a", "b", "é", "0", "1", "2", "1.5", " x ", "", "''", "a\"b")
                        .map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(",", "\t", "\n", "\r", "\r\n").map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of(
                        new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xFF}));
        return piece.list().ofMaxSize(40).map(pieces -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pieces.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
