package io.barometer.query.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns folded from their facts in sequence order: the last deadline moved to is the current one. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Campaign> find(String campaignId) {
        return fold(jdbc.sql("""
                        SELECT campaign_id, global_index, change, year, title, opens_at, closes_at, questionnaire_id
                        FROM campaign_fact WHERE campaign_id = ? ORDER BY sequence_number
                        """).param(campaignId).query(CampaignRepository::row).list()).stream().findFirst();
    }

    /** Every opened campaign, newest edition first. */
    public List<Campaign> all() {
        List<Campaign> campaigns = new ArrayList<>(fold(jdbc.sql("""
                SELECT campaign_id, global_index, change, year, title, opens_at, closes_at, questionnaire_id
                FROM campaign_fact ORDER BY campaign_id, sequence_number
                """).query(CampaignRepository::row).list()));
        campaigns.sort((a, b) -> a.year() != b.year() ? Integer.compare(b.year(), a.year()) : a.id().compareTo(b.id()));
        return campaigns;
    }

    private record Fact(String campaignId, long globalIndex, String change, Integer year, String title,
                        Instant opensAt, Instant closesAt, String questionnaireId) {
    }

    private static Fact row(ResultSet rs, int n) throws SQLException {
        return new Fact(rs.getString(1), rs.getLong(2), rs.getString(3), (Integer) rs.getObject(4), rs.getString(5),
                instant(rs, 6), instant(rs, 7), rs.getString(8));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Facts in sequence order per campaign; a campaign whose opening is not projected yet is left out. */
    private static List<Campaign> fold(List<Fact> facts) {
        Map<String, Campaign> campaigns = new LinkedHashMap<>();
        for (Fact f : facts) {
            Campaign c = campaigns.get(f.campaignId());
            if (f.change().equals("CampaignOpened")) {
                campaigns.put(f.campaignId(), new Campaign(f.campaignId(), f.year(), f.title(), f.opensAt(),
                        f.closesAt(), f.questionnaireId(), f.globalIndex()));
            } else if (c != null) {
                campaigns.put(f.campaignId(), new Campaign(c.id(), c.year(), c.title(), c.opensAt(), f.closesAt(),
                        c.questionnaireId(), Math.max(c.lastGlobalIndex(), f.globalIndex())));
            }
        }
        return List.copyOf(campaigns.values());
    }
}
