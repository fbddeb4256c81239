package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custseg.report.html.ReportModel.FittedModel;
import org.custseg.report.html.ReportModel.Headline;
import org.custseg.report.html.ReportModel.Migration;
import org.custseg.report.html.ReportModel.MigrationCell;
import org.custseg.report.html.ReportModel.ModelFit;
import org.custseg.report.html.ReportModel.Point;
import org.custseg.report.html.ReportModel.Portfolio;
import org.custseg.report.html.ReportModel.QuadrantRow;
import org.custseg.report.html.ReportModel.RfmCell;
import org.custseg.report.html.ReportModel.SegmentRow;
import org.custseg.report.html.ReportModel.TierRow;
import org.custseg.report.html.ReportModel.TrendPoint;

/** Report models for the tests: a realistic full one, a minimal one, and a hostile one. */
final class ReportFixtures {

  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);

  static final String HOSTILE =
      "</script><script>alert(1)</script><img src=x onerror=\"window.__pwned=1\">'&";

  private ReportFixtures() {}

  static Headline headline() {
    return new Headline(
        RUN_DATE, 4_372, 3_921, new BigDecimal("8911407.90"), 0.2137, 541_909L, 136_534L);
  }

  /** Every section filled, with numbers shaped like a year of online-retail data. */
  static ReportModel full() {
    return ReportModel.of(headline())
        .withPyramid(
            List.of(
                // deliberately out of order: the page orders the tiers
                new TierRow("small", 3_137, new BigDecimal("2261003.15"), 0.2537, 0.7175),
                new TierRow("vip", 39, new BigDecimal("1904462.25"), 0.2137, 0.0089),
                new TierRow("key", 157, new BigDecimal("1935560.70"), 0.2172, 0.0359),
                new TierRow("medium", 588, new BigDecimal("2538920.10"), 0.2849, 0.1345),
                new TierRow("inactive", 451, new BigDecimal("271461.70"), 0.0305, 0.1032)))
        .withPortfolio(portfolio(2_000))
        .withRfmHeatmap(rfmCells())
        .withSegments(segments())
        .withMigration(migration())
        .withTrends(trends())
        .withModelFit(modelFit());
  }

  /** Only the headline: every section shows the "not available" note. */
  static ReportModel minimal() {
    return ReportModel.of(new Headline(RUN_DATE, 0, 0, BigDecimal.ZERO, 0.0));
  }

  /**
   * Awkward but legal data: no sample points, two tiers, one run in the trends, every heatmap cell
   * equal, negative growth thresholds, a linear x axis and a custom segment and tier.
   */
  static ReportModel sparse() {
    return ReportModel.of(new Headline(RUN_DATE, 3, 2, new BigDecimal("10.00"), 1.0))
        .withPyramid(
            List.of(
                new TierRow("vip", 2, new BigDecimal("10.00"), 1.0, 0.6667),
                new TierRow("inactive", 1, BigDecimal.ZERO, 0.0, 0.3333)))
        .withPortfolio(
            new Portfolio(
                "my own x axis",
                "spend_growth_rate",
                5,
                -0.25,
                List.of(new QuadrantRow("star", 2, new BigDecimal("10.00"))),
                List.of()))
        .withRfmHeatmap(List.of(new RfmCell(5, 1, 2, 5.0), new RfmCell(1, 1, 1, 5.0)))
        .withSegments(List.of(new SegmentRow("big_spenders", 2, new BigDecimal("10.00"), 1, 1, 5)))
        .withMigration(
            new Migration(
                RUN_DATE.minusDays(1),
                List.of(
                    new MigrationCell("new", "vip", 2), new MigrationCell("vip", "platinum", 1))))
        .withTrends(
            List.of(
                new TrendPoint(
                    RUN_DATE, Map.of("vip", 2L, "inactive", 0L), new BigDecimal("10.00"))))
        .withModelFit(
            new ModelFit(
                List.of(), null, "BG/NBD did not converge; y axis falls back to spend growth"));
  }

  /** The full model with hostile text wherever the pipeline can put free text. */
  static ReportModel hostile() {
    ReportModel full = full();
    List<SegmentRow> segments = new ArrayList<>(full.segments());
    segments.add(new SegmentRow(HOSTILE, 12, new BigDecimal("99.00"), 40, 1.5, 8.25));
    Portfolio p = full.portfolio();
    return full.withSegments(segments)
        .withPortfolio(
            new Portfolio(
                HOSTILE, "y " + HOSTILE, p.xThreshold(), p.yThreshold(), p.quadrants(), p.sample()))
        .withMigration(
            new Migration(
                LocalDate.of(2024, 5, 31),
                List.of(
                    new MigrationCell(HOSTILE, "vip", 3), new MigrationCell("vip", HOSTILE, 2))))
        .withModelFit(
            new ModelFit(
                List.of(new FittedModel(HOSTILE, Map.of(HOSTILE, 1.0), -1.0, false, HOSTILE)),
                HOSTILE,
                HOSTILE));
  }

  static Portfolio portfolio(int points) {
    Random random = new Random(42);
    double xThreshold = 650;
    double yThreshold = 0.8;
    List<Point> sample = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      double x = Math.exp(6.4 + 1.3 * random.nextGaussian());
      double y = Math.max(0, 0.8 + 0.35 * random.nextGaussian() + 0.05 * Math.log(x / 650));
      String quadrant =
          x >= xThreshold
              ? (y >= yThreshold ? "star" : "cash_cow")
              : (y >= yThreshold ? "question_mark" : "dog");
      sample.add(new Point(Math.round(x * 100) / 100.0, Math.round(y * 1000) / 1000.0, quadrant));
    }
    return new Portfolio(
        "trailing_12m_spend",
        "predicted_value_ratio",
        xThreshold,
        yThreshold,
        List.of(
            new QuadrantRow("star", 981, new BigDecimal("4012330.10")),
            new QuadrantRow("question_mark", 979, new BigDecimal("402110.55")),
            new QuadrantRow("cash_cow", 980, new BigDecimal("3891002.40")),
            new QuadrantRow("dog", 981, new BigDecimal("334503.15"))),
        sample);
  }

  static List<RfmCell> rfmCells() {
    List<RfmCell> cells = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        long customers =
            20 + (long) (Math.abs(r - f) < 2 ? 260 - 30 * Math.abs(r - f) * r : 45 + 7 * r);
        double meanMonetary = 120 + 45 * f * f + 30 * r;
        cells.add(new RfmCell(r, f, customers, meanMonetary));
      }
    }
    return cells;
  }

  static List<SegmentRow> segments() {
    return List.of(
        new SegmentRow("champions", 603, new BigDecimal("4420117.52"), 9.4, 12.8, 7330.21),
        new SegmentRow("loyal", 512, new BigDecimal("1731020.00"), 31.0, 6.1, 3380.90),
        new SegmentRow("potential_loyalist", 771, new BigDecimal("980331.40"), 28.2, 2.7, 1271.50),
        new SegmentRow("new_customers", 204, new BigDecimal("61402.10"), 14.1, 1.0, 301.0),
        new SegmentRow("promising", 188, new BigDecimal("88100.00"), 22.5, 1.4, 468.6),
        new SegmentRow("need_attention", 239, new BigDecimal("301555.75"), 52.0, 3.2, 1261.7),
        new SegmentRow("about_to_sleep", 311, new BigDecimal("101230.00"), 96.3, 1.6, 325.5),
        new SegmentRow("at_risk", 402, new BigDecimal("598200.20"), 160.4, 4.4, 1488.06),
        new SegmentRow("cant_lose_them", 77, new BigDecimal("250770.00"), 190.2, 9.9, 3256.75),
        new SegmentRow("hibernating", 622, new BigDecimal("271011.30"), 201.7, 1.5, 435.7),
        new SegmentRow("lost", 443, new BigDecimal("107669.53"), 290.8, 1.0, 243.05));
  }

  static Migration migration() {
    String[] tiers = {"vip", "key", "medium", "small", "inactive"};
    List<MigrationCell> cells = new ArrayList<>();
    long[][] counts = {
      {31, 6, 1, 0, 0},
      {5, 121, 22, 4, 1},
      {2, 21, 472, 61, 9},
      {0, 6, 78, 2_812, 160},
      {0, 1, 9, 150, 266}
    };
    for (int i = 0; i < tiers.length; i++) {
      for (int j = 0; j < tiers.length; j++) {
        if (counts[i][j] > 0) {
          cells.add(new MigrationCell(tiers[i], tiers[j], counts[i][j]));
        }
      }
    }
    cells.add(new MigrationCell("new", "vip", 1));
    cells.add(new MigrationCell("new", "key", 3));
    cells.add(new MigrationCell("new", "medium", 6));
    cells.add(new MigrationCell("new", "small", 110));
    cells.add(new MigrationCell("inactive", "lost", 25));
    cells.add(new MigrationCell("small", "lost", 12));
    return new Migration(LocalDate.of(2024, 5, 31), cells);
  }

  static List<TrendPoint> trends() {
    List<TrendPoint> points = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      Map<String, Long> byTier = new LinkedHashMap<>();
      byTier.put("vip", 34L + m);
      byTier.put("key", 140L + 3 * m);
      byTier.put("medium", 540L + 9 * m);
      byTier.put("small", 2_850L + 55 * m);
      byTier.put("inactive", 390L + 12 * m);
      points.add(
          new TrendPoint(
              LocalDate.of(2024, 1, 31).plusMonths(m).withDayOfMonth(1).plusMonths(1).minusDays(1),
              byTier,
              BigDecimal.valueOf(7_600_000L + 260_000L * m)));
    }
    return points;
  }

  static ModelFit modelFit() {
    Map<String, Double> bgnbd = new LinkedHashMap<>();
    bgnbd.put("r", 0.2426);
    bgnbd.put("alpha", 4.4137);
    bgnbd.put("a", 0.7930);
    bgnbd.put("b", 2.4262);
    Map<String, Double> gg = new LinkedHashMap<>();
    gg.put("p", 6.25);
    gg.put("q", 3.74);
    gg.put("v", 15.44);
    return new ModelFit(
        List.of(
            new FittedModel("BG/NBD", bgnbd, -9582.43, true, "time unit: week; 2,357 customers"),
            new FittedModel(
                "Gamma-Gamma",
                gg,
                -4035.12,
                true,
                "946 repeat buyers; spend/frequency correlation 0.11")),
        "x: trailing 12-month net spend; y: predicted 12-month value / trailing value",
        null);
  }
}
