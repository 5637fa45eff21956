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
    }
}
