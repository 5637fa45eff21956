package io.barometer.web.synthesis;

import java.util.List;

/**
 * One figure of the barometer: what it counts and on how many (its caption), the table of exactly the API's
 * figures (the chart's text alternative), and the chart's ECharts option (JSON), if it has a chart.
 */
public record Figure(String id, String title, String caption, List<String> columns, List<Row> rows, String chart) {

    /** A row: its label and one cell per further column. */
    public record Row(String label, List<Cell> cells) {
    }

    /**
     * A cell as shown (a share as a percentage, a mean rounded) and the API's figure itself, unrounded, kept in
     * the page ({@code data-value}) so that a reader or a test can check it.
     */
    public record Cell(String text, String value) {

        public static Cell blank() {
            return new Cell("—", "");
        }

        public static Cell number(com.fasterxml.jackson.databind.JsonNode n) {
            return n.isMissingNode() || n.isNull() ? blank() : new Cell(n.asText(), n.asText());
        }

        /** A mean or a score, shown with two decimals in the reader's language. */
        public static Cell decimal(com.fasterxml.jackson.databind.JsonNode n, java.util.Locale locale) {
            return n.isMissingNode() || n.isNull() ? blank()
                    : new Cell(String.format(locale, "%.2f", n.asDouble()), n.asText());
        }

        /** A fraction 0–1, shown as a percentage with one decimal. */
        public static Cell share(com.fasterxml.jackson.databind.JsonNode n, java.util.Locale locale) {
            return n.isMissingNode() || n.isNull() ? blank()
                    : new Cell(String.format(locale, "%.1f %%", n.asDouble() * 100), n.asText());
        }
    }
}
