package org.custseg.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RfmSegmentTableTest {

  @SuppressWarnings("unchecked")
  static Map<String, String> shippedTable() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("conf/application.yml"))) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> seg = (Map<String, Object>) root.get("segmentation");
      Map<String, Object> rfm = (Map<String, Object>) seg.get("rfm");
      return (Map<String, String>) rfm.get("segments");
    }
  }

  @Test
  void theShippedTableMapsAll125CodesToElevenSegments() throws Exception {
    RfmSegmentTable table = RfmSegmentTable.parse(shippedTable());

    assertThat(table.asMap()).hasSize(125);
    assertThat(table.segmentNames())
        .containsExactly(
            "about_to_sleep",
            "at_risk",
            "cant_lose_them",
            "champions",
            "hibernating",
            "lost",
            "loyal",
            "need_attention",
            "new_customers",
            "potential_loyalist",
            "promising");
    // Spot checks against the code table in domain.md.
    assertThat(table.segmentOf(5, 5, 5)).isEqualTo("champions");
    assertThat(table.segmentOf(1, 1, 1)).isEqualTo("lost");
    assertThat(table.segmentOf(5, 1, 1)).isEqualTo("new_customers");
    assertThat(table.segmentOf(1, 5, 5)).isEqualTo("cant_lose_them");
    assertThat(table.segmentOf(3, 3, 3)).isEqualTo("potential_loyalist");
    assertThat(table.segmentOf(2, 5, 5)).isEqualTo("at_risk");
  }

  @Test
  void aCodeMappedTwiceIsRejectedNamingBothSegments() throws Exception {
    Map<String, String> table = new HashMap<>(shippedTable());
    table.put("lost", table.get("lost") + " 555");

    assertThatThrownBy(() -> RfmSegmentTable.parse(table))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("code 555 is mapped twice: to 'champions' and 'lost'");
  }

  @Test
  void anUnmappedCodeIsRejectedAndListed() throws Exception {
    Map<String, String> table = new HashMap<>(shippedTable());
    table.put("lost", "111 112 121 131 141");

    assertThatThrownBy(() -> RfmSegmentTable.parse(table))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("codes not mapped to any segment: 151");
  }

  @Test
  void malformedCodesAndNamesAreRejected() {
    assertThatThrownBy(() -> RfmSegmentTable.parse(Map.of("Bad-Name", "556 12")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("segment name 'Bad-Name' is not snake_case")
        .hasMessageContaining("code '556', which is not three digits 1-5")
        .hasMessageContaining("code '12', which is not three digits 1-5");
  }
}
