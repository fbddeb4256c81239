package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custseg.schema.QuarantineReason;
import org.junit.jupiter.api.Test;

/** What a header line says about its file: positions, and whether the file can be read. */
class HeaderMappingTest {

  /** Each logical column mapped to the header name of the same spelling. */
  private static Map<String, String> mapping(String... columns) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String c : columns) {
      m.put(c, c);
    }
    return m;
  }

  private static Map<String, String> mapping() {
    return mapping("customer_id", "order_ts", "amount");
  }

  /** The default mapping's ten columns. */
  private static Map<String, String> full() {
    return mapping(
        "transaction_id,customer_id,order_ts,amount,currency,quantity,unit_price,store_id,channel,country"
            .split(","));
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

  @Test
  void optionalColumnsAFileLacksAreAbsentNotMissing() {
    HeaderMapping h =
        HeaderMapping.of(
            List.of(
                "transaction_id,customer_id,order_ts,amount,currency,quantity,store_id,channel"
                    .split(",")),
            full());
    assertThat(h.problem()).isNull();
    assertThat(h.absent()).containsExactly("unit_price", "country");
    assertThat(h.absentText()).isEqualTo("unit_price,country");
    assertThat(h.positions()).containsExactly(0, 1, 2, 3, 4, 5, -1, 6, 7, -1);
  }

  @Test
  void withoutAnAmountColumnQuantityAndUnitPriceStandIn() {
    HeaderMapping h =
        HeaderMapping.of(List.of("customer_id", "order_ts", "quantity", "unit_price"), full());
    assertThat(h.problem()).isNull();
    assertThat(h.absent())
        .containsExactly("transaction_id", "amount", "currency", "store_id", "channel", "country");
  }

  @Test
  void theRequiredColumnsAreNamedWhenAbsent() {
    HeaderMapping h = HeaderMapping.of(List.of("customer_id", "quantity"), full());
    assertThat(h.problem()).isEqualTo(QuarantineReason.MISSING_COLUMN);
    assertThat(h.detail()).isEqualTo("header lacks required column(s) order_ts, amount");
    Map<String, String> noAmount = full();
    noAmount.remove("amount");
    assertThat(HeaderMapping.of(List.of("customer_id", "order_ts", "quantity"), noAmount).detail())
        .isEqualTo("header lacks required column(s) unit_price");
  }
}
