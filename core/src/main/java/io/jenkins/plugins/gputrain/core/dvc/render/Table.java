package io.jenkins.plugins.gputrain.core.dvc.render;

import java.io.Serializable;
import java.util.List;

/**
 * A table of text cells, as DVC hands it to tabulate. Serializable, so that reports can travel from a Jenkins agent.
 *
 * @param headers the column headers
 * @param rows the rows, each as wide as the headers
 */
public record Table(List<String> headers, List<List<String>> rows) implements Serializable {
    /** Copies the lists and checks the widths. */
    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(
                        "row " + row + " has " + row.size() + " cells, headers " + headers.size());
            }
        }
    }

    /** Whether the table has no rows. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
