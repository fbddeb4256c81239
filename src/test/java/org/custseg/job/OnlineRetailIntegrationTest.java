package org.custseg.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.custseg.SegmentationApplication;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on the UCI Online Retail export (conf/examples/online-retail.yml, run date
 * 2011-12-09), from the shared data folder beside the repository (skipped when it is absent): net
 * values everywhere, so no customer whose net spend is below the median reaches vip or key (before
 * the refund netting, customer 16446, net 2.90 after an 80,995-unit order cancelled the same day,
 * was vip with an expected spend of 78,410.55); and no inactive customer is in the four quadrants
 * (64 were).
 */
class OnlineRetailIntegrationTest extends SparkTestBase {

  private static final Path DATA =
      Path.of("..", "shared", "data", "online-retail", "online_retail.csv");
  private static final String RUN_DATE = "2011-12-09";

  @TempDir Path output;

  @Test
  @SuppressWarnings("unchecked")
  void noCustomerReachesVipOrKeyOnRefundedAmounts() throws Exception {
    assumeTrue(
        Files.isRegularFile(DATA),
        "Online Retail not found at "
            + DATA.toAbsolutePath().normalize()
            + " (expected the shared data folder beside the project); skipping");
    spark();
    int code =
        SegmentationApplication.run(
            "--config",
            "conf/examples/online-retail.yml",
            "--input",
            DATA.toString(),
            "--output",
            output.toString(),
            "--run-date",
            RUN_DATE);
    assertThat(code).isEqualTo(ExitCodes.OK);

    Path reports = output.resolve("reports/run_date=" + RUN_DATE);
    List<CSVRecord> rows = SegmentationJobIntegrationTest.csv(reports.resolve("customers.csv"));
    assertThat(rows).hasSize(4338);
    double[] net = rows.stream().mapToDouble(r -> money(r, "monetary_total")).sorted().toArray();
    double median = (net[(net.length - 1) / 2] + net[net.length / 2]) / 2;
    assertThat(median).isCloseTo(649.955, within(1e-9));
    assertThat(
            rows.stream()
                .filter(r -> money(r, "monetary_total") < median)
                .filter(r -> List.of("vip", "key").contains(r.get("pyramid_tier")))
                .map(r -> r.get("customer_id") + " " + r.get("pyramid_tier"))
                .toList())
        .as("customers with net spend below the median %s in vip or key", median)
        .isEmpty();

    // 16446: a repeat purchase day worth 0 net: the population mean spend, a modest tier.
    Map<String, Object> manifest =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(reports.resolve("manifest.json").toFile(), Map.class);
    Map<String, Object> spend =
        (Map<String, Object>)
            ((Map<String, Object>) manifest.get("value_models")).get("spend_model");
    Map<String, Number> gg = (Map<String, Number>) spend.get("params");
    double population =
        gg.get("p").doubleValue() * gg.get("v").doubleValue() / (gg.get("q").doubleValue() - 1);
    CSVRecord c =
        rows.stream().filter(r -> r.get("customer_id").equals("16446")).findFirst().orElseThrow();
    assertThat(money(c, "monetary_total")).isEqualTo(2.90);
    assertThat(c.get("pyramid_tier")).isNotIn("vip", "key");
    assertThat(money(c, "expected_spend")).isCloseTo(population, within(0.01)).isLessThan(1000);
    assertThat(((Number) spend.get("excluded_net_repeat_spend_not_positive")).longValue())
        .isPositive();

    for (CSVRecord r : rows) {
      assertThat(r.get("portfolio_quadrant"))
          .as("customer %s", r.get("customer_id"))
          .isIn(
              r.get("is_active").equals("true")
                  ? PortfolioQuadrant.QUADRANTS
                  : List.of(PortfolioQuadrant.INACTIVE));
    }
  }

  private static double money(CSVRecord r, String column) {
    return Double.parseDouble(r.get(column));
  }
}
