package io.jenkins.plugins.gputrain.core.dvc.render;

import io.jenkins.plugins.gputrain.core.dvc.diff.Difference;
import io.jenkins.plugins.gputrain.core.dvc.diff.FileDifferences;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds DVC's diff table ({@code dvc/compare.py::diff_table}): {@code Path}, {@code Metric}/{@code Param}, the old
 * and new revision names as given, and {@code Change} for metrics.
 */
public final class DiffTable {
    private DiffTable() {}

    /**
     * Builds the table.
     *
     * @param files the differences, in the order to print
     * @param kind metrics or params
     * @param oldName the old revision's name as typed
     * @param newName the new revision's name as typed
     * @param showPath whether the {@code Path} column is shown ({@code --no-path} hides it)
     * @param precision decimal places for metric floats; {@code null} or {@code 0} for DVC's default 5
     * @param format the layout the table is for (Markdown cells are escaped)
     * @return the table
     */
    public static Table of(
            List<FileDifferences> files,
            DiffKind kind,
            String oldName,
            String newName,
            boolean showPath,
            Integer precision,
            TableFormat format) {
        List<String> headers = new ArrayList<>();
        if (showPath) {
            headers.add("Path");
        }
        headers.addAll(List.of(kind.column(), oldName, newName));
        if (kind.showsChange()) {
            headers.add("Change");
        }
        Integer digits = kind.rounds() ? Cells.effectivePrecision(precision) : null;
        List<List<String>> rows = new ArrayList<>();
        for (FileDifferences file : files) {
            for (Difference difference : file.differences()) {
                List<String> row = new ArrayList<>();
                if (showPath) {
                    row.add(file.path());
                }
                row.add(difference.key());
                row.add(Cells.cell(difference.old(), digits));
                row.add(Cells.cell(difference.current(), digits));
                if (kind.showsChange()) {
                    row.add(Cells.cell(difference.change(), digits));
                }
                rows.add(format.cells(row));
            }
        }
        return new Table(format.cells(headers), rows);
    }
}
