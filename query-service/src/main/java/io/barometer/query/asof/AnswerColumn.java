package io.barometer.query.asof;

import java.sql.Types;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The columns of answer_fact in insert order, each with its JDBC type. */
enum AnswerColumn {
    GLOBAL_INDEX(Types.BIGINT),
    CAMPAIGN_ID(Types.VARCHAR),
    COLLECTIVITE_ID(Types.VARCHAR),
    SEQUENCE_NUMBER(Types.BIGINT),
    CHANGE(Types.VARCHAR),
    ATTRIBUTE(Types.VARCHAR),
    STATEMENT(Types.VARCHAR),
    EFFECTIVE_AT(Types.TIMESTAMP_WITH_TIMEZONE),
    RECORDED_AT(Types.TIMESTAMP_WITH_TIMEZONE),
    PROJECT_ID(Types.OTHER),
    DOMAIN(Types.VARCHAR),
    CATALOGUE_ITEM(Types.VARCHAR),
    LABEL(Types.VARCHAR),
    STATUS(Types.VARCHAR),
    MEASURE(Types.SMALLINT),
    MEANS(Types.SMALLINT),
    MANAGEMENT_MODE(Types.VARCHAR),
    DECISION_MODE(Types.VARCHAR),
    COORDINATION(Types.VARCHAR),
    LEVEL(Types.VARCHAR),
    ROLE(Types.VARCHAR),
    WORKS_IN_DIGITAL(Types.BOOLEAN),
    ORGANISATION(Types.VARCHAR),
    RANKING(Types.VARCHAR),
    DEFINITIONS(Types.VARCHAR),
    SUBMITTED(Types.BOOLEAN);

    final int jdbcType;

    AnswerColumn(int jdbcType) {
        this.jdbcType = jdbcType;
    }

    static String names() {
        return Arrays.stream(values()).map(c -> c.name().toLowerCase()).collect(Collectors.joining(", "));
    }

    static int[] types() {
        return Arrays.stream(values()).mapToInt(c -> c.jdbcType).toArray();
    }
}
