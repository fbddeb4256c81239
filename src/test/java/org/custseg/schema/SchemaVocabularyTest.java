package org.custseg.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared vocabulary every stage reads: the contract's column order, codes, units and types. */
class SchemaVocabularyTest {

  /** The customer table's columns as the output contract lists them, in its order. */
  private static final List<String> CONTRACT_COLUMNS =
      List.of(
          "customer_id",
          "run_date",
          "first_purchase_date",
          "last_purchase_date",
          "recency_days",
          "frequency",
          "monetary_total",
          "monetary_avg",
          "r_score",
          "f_score",
          "m_score",
          "rfm_segment",
          "p_alive",
          "expected_purchases_next_period",
          "expected_spend",
          "historical_value",
          "current_opportunity",
          "future_value",
          "clv",
          "customer_value",
          "value_rank",
          "pyramid_tier",
          "portfolio_quadrant",
          "lifecycle_stage",
          "cluster_id",
          "relationship_level");

  @Test
  void theCustomerTableStartsWithTheContractsColumnsInItsOrderAndNamesEachColumnOnce() {
    List<String> names = CustomerTableColumns.NAMES;

    assertThat(names.subList(0, CONTRACT_COLUMNS.size())).isEqualTo(CONTRACT_COLUMNS);
    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void reasonAndStatusCodesAreStableSnakeCase() {
    assertThat(QuarantineReason.MISSING_CUSTOMER_ID.code()).isEqualTo("missing_customer_id");
    assertThat(QuarantineReason.IMPLAUSIBLE_DATE.code()).isEqualTo("implausible_date");
    assertThat(Arrays.stream(QuarantineReason.values()).map(QuarantineReason::code))
        .allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"))
        .doesNotHaveDuplicates();
    assertThat(Arrays.stream(RowStatus.values()).map(RowStatus::code))
        .allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"))
        .doesNotHaveDuplicates();
  }

  @Test
  void timeUnitsConvertByTheirLengthInDays() {
    // 365.25 / 12 = 30.4375 days a month; in weeks 30.4375 / 7 = 4.348214...
    assertThat(ModelTimeUnit.WEEKS.periodsPerMonth()).isCloseTo(4.3482142857, within(1e-9));
    assertThat(ModelTimeUnit.DAYS.periodsPerMonth()).isEqualTo(30.4375);
    assertThat(ModelTimeUnit.WEEKS.convertFrom(14, ModelTimeUnit.DAYS)).isEqualTo(2.0);
    assertThat(ModelTimeUnit.DAYS.convertFrom(3, ModelTimeUnit.WEEKS)).isEqualTo(21.0);
  }

  @Test
  void moneyIsExactWithFourPlacesAndAConvertedAmountFitsBeforeRounding() {
    assertThat(Money.MONEY.precision()).isEqualTo(18);
    assertThat(Money.MONEY.scale()).isEqualTo(4);
    assertThat(Money.TOTAL.scale()).isEqualTo(4);
    assertThat(Money.TOTAL.precision()).isGreaterThan(Money.MONEY.precision());
    // amount x rate: precision 18 + 18 + 1 = 37 <= 38 (Spark's maximum), scale 4 + 12 = 16.
    assertThat(Money.MONEY.precision() + Money.RATE.precision() + 1).isLessThanOrEqualTo(38);
    assertThat(Money.RATE.scale()).isEqualTo(12);
  }
}
