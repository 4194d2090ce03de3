package io.jenkins.plugins.gputrain.core.dvc.plots;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.gputrain.core.dvc.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * CSV/TSV records without quotes, handed on as views of the file's bytes, are the rows of the whole text split at its
 * line ends and separators: the same fields in the same order, the same cells (duplicate field names, short and long
 * rows, empty cells and lines, multi-byte and malformed UTF-8 included), and each field looked up alone gives its
 * cell.
 */
class DelimitedRowsPropertiesTest {
    @Property(tries = 1000)
    void recordsWithoutQuotesAreTheWholeTextSplitAtLineEndsAndSeparators(
            @ForAll("files") byte[] content, @ForAll boolean tab, @ForAll boolean header) {
        char separator = tab ? '\t' : ',';
        List<Map<String, Value>> rows = new ArrayList<>();
        DelimitedRows.read(content, separator, header, rows::add);
        List<Map<String, Value>> expected = split(new String(content, StandardCharsets.UTF_8), separator, header);
        assertThat(rows).hasSameSizeAs(expected);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Value> row = rows.get(i);
            assertThat(row).isEqualTo(expected.get(i));
            assertThat(List.copyOf(row.keySet()))
                    .isEqualTo(List.copyOf(expected.get(i).keySet()));
            for (String field : List.of("a", "b", "é", "0", "1", "2", "")) {
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
    void aShortRowWithoutTheLastCellOfAFieldNamedTwiceHasNoCellForIt() {
        List<Map<String, Value>> rows = new ArrayList<>();
        DelimitedRows.read("a,b,a\n1,5,7\n2,30\n".getBytes(StandardCharsets.UTF_8), ',', true, rows::add);

        assertThat(rows)
                .containsExactly(
                        Map.of("a", new Value.Str("7"), "b", new Value.Str("5")), Map.of("b", new Value.Str("30")));
        assertThat(List.copyOf(rows.get(0).keySet())).containsExactly("a", "b");
    }

    /** The rows as a reading of the whole decoded text gives them. */
    private static List<Map<String, Value>> split(String text, char separator, boolean header) {
        List<Map<String, Value>> rows = new ArrayList<>();
        List<String> fields = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = List.of(line.split(String.valueOf(separator), -1));
            if (fields == null) {
                fields = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    fields.add(header ? cells.get(i) : String.valueOf(i));
                }
                if (header) {
                    continue;
                }
            }
            Map<String, Value> row = new LinkedHashMap<>();
            for (int i = 0; i < fields.size() && i < cells.size(); i++) {
                row.put(fields.get(i), new Value.Str(cells.get(i)));
            }
            for (int i = cells.size(); i < fields.size(); i++) {
                row.remove(fields.get(i)); // DictReader's missing value for the fields past the row's end
            }
            rows.add(row);
        }
        return rows;
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
