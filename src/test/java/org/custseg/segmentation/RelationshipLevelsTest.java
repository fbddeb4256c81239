package org.custseg.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.custseg.config.ConfigurationException;
import org.custseg.config.RelationshipSettings;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/**
 * Size and margin bands at their boundaries (defaults: many >= 0.30 of customers, medium >= 0.05;
 * margin index high >= 1.5, medium >= 0.75), the level table and the depth mapping, and the
 * validation of the configuration. The table: 1000 customers with 100,000 of value (mean 100).
 */
class RelationshipLevelsTest {

  private final RelationshipLevels rules =
      new RelationshipLevels(TestSettings.defaults().relationship());

  private RelationshipLevels.Recommendation of(String segment, long customers, double mean) {
    return rules.recommend(
        segment,
        customers,
        BigDecimal.valueOf(mean * customers),
        1000,
        BigDecimal.valueOf(100_000));
  }

  @Test
  void bandsAtTheirBoundaries() {
    assertThat(of("small", 300, 74.99))
        .extracting("sizeBand", "marginBand", "level", "depth")
        .containsExactly("many", "low", "basic", "financial");
    assertThat(of("small", 299, 75))
        .extracting("sizeBand", "marginBand", "level")
        .containsExactly("medium", "medium", "accountable");
    assertThat(of("medium", 50, 149.99))
        .extracting("sizeBand", "marginBand", "level")
        .containsExactly("medium", "medium", "accountable");
    assertThat(of("medium", 50, 150))
        .extracting("sizeBand", "marginBand", "level", "depth")
        .containsExactly("medium", "high", "proactive", "social");
    assertThat(of("vip", 49, 150))
        .extracting("sizeBand", "marginBand", "level", "depth")
        .containsExactly("few", "high", "partnership", "structural");
    assertThat(of("dog", 49, 10))
        .extracting("level", "depth")
        .containsExactly("accountable", "financial");
    assertThat(of("star", 400, 200))
        .extracting("level", "depth")
        .containsExactly("accountable", "structural");
    assertThat(of("vip", 10, 500).marginIndex()).isEqualTo(5.0);
  }

  @Test
  void theTablesAreConfigurableAndValidated() {
    Map<String, Map<String, String>> levels =
        new HashMap<>(
            Map.of(
                "many", Map.of("high", "accountable", "medium", "reactive", "low", "reactive"),
                "medium", Map.of("high", "proactive", "medium", "accountable", "low", "reactive"),
                "few", Map.of("high", "partnership", "medium", "proactive", "low", "accountable")));
    Map<String, String> depth =
        new HashMap<>(
            Map.of(
                "vip",
                "structural",
                "key",
                "social",
                "medium",
                "social",
                "small",
                "financial",
                "inactive",
                "financial",
                "star",
                "structural",
                "questionmark",
                "social",
                "cash-cow",
                "social",
                "dog",
                "financial"));
    RelationshipSettings ok = new RelationshipSettings(0.3, 0.05, 1.5, 0.75, levels, depth);
    assertThat(ok.depth())
        .containsEntry("question_mark", "social")
        .containsEntry("cash_cow", "social");
    assertThat(
            new RelationshipLevels(ok)
                .recommend("small", 800, BigDecimal.ONE, 1000, BigDecimal.valueOf(100_000))
                .level())
        .isEqualTo("reactive");

    Map<String, Map<String, String>> badLevel = new HashMap<>(levels);
    badLevel.put("few", Map.of("high", "friendship", "medium", "proactive", "low", "basic"));
    assertThatThrownBy(() -> new RelationshipSettings(0.3, 0.05, 1.5, 0.75, badLevel, depth))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("segmentation.relationship.levels.few.high is 'friendship'");

    Map<String, Map<String, String>> missing = new HashMap<>(levels);
    missing.remove("medium");
    assertThatThrownBy(() -> new RelationshipSettings(0.3, 0.05, 1.5, 0.75, missing, depth))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("levels.medium is missing");

    Map<String, String> badDepth = new HashMap<>(depth);
    badDepth.put("whale", "structural");
    assertThatThrownBy(() -> new RelationshipSettings(0.3, 0.05, 1.5, 0.75, levels, badDepth))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("unknown segment 'whale'");

    assertThatThrownBy(() -> new RelationshipSettings(0.05, 0.3, 1.5, 0.75, levels, depth))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("medium-min-share < many-min-share");
  }
}
