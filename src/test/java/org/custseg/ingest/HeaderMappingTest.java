package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.schema.QuarantineReason;
import org.junit.jupiter.api.Test;

/** What a header line says about its file: positions, and whether the file can be read. */
class HeaderMappingTest {

  private static Map<String, String> mapping() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("customer_id", "customer_id");
    m.put("order_ts", "order_ts");
    m.put("amount", "amount");
    return m;
  }

  @Test
  void mappedColumnsAreFoundByTrimmedName() {
    HeaderMapping h =
        HeaderMapping.of(List.of("note", " amount", "customer_id ", "order_ts"), mapping());
    assertThat(h.problem()).isNull();
    assertThat(h.positions()).containsExactly(2, 3, 1);
    assertThat(h.fields()).isEqualTo(4);
  }

  @Test
  void anUnmappedNameMayRepeat() {
    HeaderMapping h =
        HeaderMapping.of(List.of("note", "customer_id", "note", "order_ts", "amount"), mapping());
    assertThat(h.problem()).isNull();
  }

  @Test
  void aMappedNameTwiceMakesTheFileAmbiguous() {
    HeaderMapping h =
        HeaderMapping.of(
            List.of("customer_id", "order_ts", "amount", "amount", "customer_id"), mapping());
    assertThat(h.problem()).isEqualTo(QuarantineReason.AMBIGUOUS_COLUMN);
    assertThat(h.detail())
        .isEqualTo(
            "header names a mapped column more than once: customer_id (fields 1, 5); "
                + "amount (fields 3, 4)");
  }
}
