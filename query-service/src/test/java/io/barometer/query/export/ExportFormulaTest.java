package io.barometer.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.barometer.command.testing.Http;
import io.barometer.query.testing.AnswerLog;
import io.barometer.query.testing.CsvFile;
import io.barometer.query.testing.ServicesTest;

/**
 * Texts typed by respondents and admins that start like a formula, through the real write and read sides:
 * in every free-text column of both exports, with each delimiter, the cell reads back as the typed text
 * behind one apostrophe, and no cell of either file starts a formula.
 */
class ExportFormulaTest extends ServicesTest {

    private static final Instant OPENS = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant CLOSES = Instant.parse("2020-03-15T23:00:00Z");
    private static final List<String> FORMULA_STARTS = List.of("=", "+", "-", "@", "\t", "\r");
    private static final Map<String, Character> DELIMITERS = Map.of("comma", ',', "semicolon", ';', "tab", '\t');

    /** What was typed for one collectivité, one text per free-text column. */
    private record Typed(String name, String region, String organisation, String label) {
    }

    private static Instant day(int day) {
        return OPENS.plus(Duration.ofDays(day));
    }

    @Test
    void everyFreeTextStartingLikeAFormulaIsWrittenAsTextInBothExports() {
        String c = unique("formula");
        AnswerLog log = new AnswerLog().open(c, OPENS, CLOSES, day(-10));
        Map<String, Typed> typed = new LinkedHashMap<>();
        for (String first : FORMULA_STARTS) {
            String collectivite = unique("ville");
            Typed t = new Typed(first + "1+1 " + collectivite, first + "A1, \"Région\"",
                    first + "cmd|' /C calc'!A0 " + collectivite,
                    first + "HYPERLINK(\"http://x.test/" + collectivite + "\",\"Cliquez\")");
            typed.put(collectivite, t);
            log.register(collectivite, t.name(), "COMMUNE", t.region(), 60_000, day(-5))
                    .start(c, collectivite, day(1))
                    .profile(c, collectivite, "ADMIN_STAFF", true, t.organisation(), day(2))
                    .declareLabelled(c, collectivite, UUID.randomUUID().toString(), "education", t.label(), "STUDY",
                            day(3));
        }
        importLog(log.ndjson());
        awaitProjections();

        DELIMITERS.forEach((name, delimiter) -> {
            CsvFile projects = checked(c, "projects", name, delimiter, typed,
                    t -> Map.of("collectivite_name", t.name(), "region", t.region(), "label", t.label()));
            assertThat(projects.column("status_score")).containsOnly("1");
            CsvFile respondents = checked(c, "respondents", name, delimiter, typed,
                    t -> Map.of("collectivite_name", t.name(), "region", t.region(), "organisation", t.organisation()));
            assertThat(respondents.column("population")).containsOnly("60000");
        });
    }

    /**
     * One export with one row per collectivité: each of its free-text columns holds the typed text behind
     * one apostrophe, written inside the quotes; no cell starts a formula.
     */
    private CsvFile checked(String campaign, String file, String delimiterName, char delimiter, Map<String, Typed> typed,
                            Function<Typed, Map<String, String>> freeText) {
        Http.Reply reply = query.get("/api/campaigns/" + campaign + "/exports/" + file + ".csv?asOf=closing&delimiter="
                + delimiterName, admin);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        CsvFile csv = CsvFile.parse(reply.body(), delimiter);
        assertThat(csv.rows()).hasSize(typed.size());
        for (Map<String, String> row : csv.records()) {
            freeText.apply(typed.get(row.get("collectivite"))).forEach((column, text) -> {
                String cell = row.get(column);
                assertThat(cell).as(column).startsWith("'");
                assertThat(cell.substring(1)).as(column).isEqualTo(text);
                assertThat(reply.body()).contains(delimiter + "\"'" + text.replace("\"", "\"\"") + "\"");
            });
            row.forEach((column, cell) -> assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                    .as("%s of %s: %s", column, file, cell).isTrue());
        }
        return csv;
    }
}
