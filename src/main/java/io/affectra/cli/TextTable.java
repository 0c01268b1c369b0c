package io.affectra.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text under a header, rendered either as aligned plain text for a terminal or as a Markdown table for a
 * pull request. Numbers are right-aligned (a column whose header is given with {@link #right}).
 */
final class TextTable {

    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    TextTable left(String header) {
        headers.add(header);
        rightAligned.add(false);
        return this;
    }

    TextTable right(String header) {
        headers.add(header);
        rightAligned.add(true);
        return this;
    }

    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String plain() {
        int[] width = new int[headers.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers.toArray(String[]::new), width);
        for (String[] row : rows) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder("|");
        headers.forEach(h -> sb.append(' ').append(escape(h)).append(" |"));
        sb.append("\n|");
        rightAligned.forEach(r -> sb.append(r ? "---:|" : "---|"));
        sb.append('\n');
        for (String[] row : rows) {
            sb.append('|');
            for (String cell : row) {
                sb.append(' ').append(escape(cell)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(rightAligned.get(c) ? pad + cells[c] : cells[c] + pad);
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    /** A cell's text inside a Markdown table: its pipes would end the cell, its line breaks the row. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
