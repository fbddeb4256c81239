package org.custseg.report.html;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.custseg.segmentation.RelationshipLevels;

/** Report models for the tests: a realistic full one, a minimal one, a sparse and a hostile one. */
final class ReportFixtures {

  static final LocalDate RUN_DATE = LocalDate.of(2024, 6, 30);
  static final LocalDate PREVIOUS = LocalDate.of(2024, 5, 31);
  static final Units EUR = new Units("EUR", 365, 12, 30.4375, 365);

  static final String HOSTILE =
      "</script><script>alert(1)</script><img src=x onerror=\"window.__pwned=1\">'&";

  private ReportFixtures() {}

  static Headline headline() {
    return new Headline(
        RUN_DATE,
        4_372,
        3_921,
        new BigDecimal("8911407.90"),
        new BigDecimal("6210455.35"),
        new BigDecimal("5402113.80"),
        541_909L,
        136_534L);
  }

  /** Every section filled, with numbers shaped like a year of online-retail data. */
  static ReportModel full() {
    return ReportModel.builder(headline(), EUR)
        .pyramid(pyramid())
        .portfolio(portfolio(Portfolio.MAX_SAMPLE_POINTS))
        .rfm(new Rfm(rfmCells(), segments()))
        .lifecycle(lifecycle())
        .clusters(clusters())
        .relationships(relationships())
        .migration(new Migration(PREVIOUS, tierFlows(), quadrantFlows()))
        .churn(churn(30, true))
        .modelHealth(modelHealth(true))
        .actions(actions())
        .dataQuality(dataQuality())
        .trends(trends())
        .build();
  }

  /**
   * What the report of ten million customers holds: the same bounded shapes as {@link #full()} (the
   * sample at its cap, the first rows of each list, eight clusters at k-max, a year of nightly runs
   * in the trend) with the counts and amounts of ten million customers. The summaries do not grow
   * with the customers; only the numbers do.
   */
  static ReportModel tenMillion() {
    long f = 10_000_000L / 4_372;
    ReportModel full = full();
    List<Pyramid.Tier> tiers = new ArrayList<>();
    for (Pyramid.Tier t : full.pyramid().tiers()) {
      tiers.add(
          new Pyramid.Tier(
              t.tier(),
              t.customers() * f,
              times(t.netSpendTrailing(), f),
              times(t.netSpendAllTime(), f),
              t.customerShare(),
              t.trailingShare()));
    }
    List<Portfolio.Quadrant> quadrants = new ArrayList<>();
    for (Portfolio.Quadrant q : full.portfolio().quadrants()) {
      quadrants.add(
          new Portfolio.Quadrant(
              q.quadrant(),
              q.customers() * f,
              times(q.netSpendTrailing(), f),
              times(q.netSpendAllTime(), f)));
    }
    Portfolio p = full.portfolio();
    List<Clusters.Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Clusters.Cluster c = full.clusters().clusters().get(i % 4);
      clusters.add(
          new Clusters.Cluster(
              i,
              c.label() + (i >= 4 ? " (cluster " + i + ")" : ""),
              c.customers() * f / 2,
              c.share() / 2,
              c.medians(),
              c.centre(),
              c.dominantTier(),
              c.dominantQuadrant()));
    }
    List<Actions.Row> rows = new ArrayList<>();
    for (Actions.ListSize list : full.actions().lists()) {
      Actions.Row template =
          full.actions().rows().stream()
              .filter(r -> r.list().equals(list.list()))
              .findFirst()
              .orElseThrow();
      for (int i = 1; i <= 10; i++) {
        rows.add(
            new Actions.Row(
                template.list(),
                i,
                String.format("C%09d", 7_000_000 + 97 * i),
                template.tier(),
                template.quadrant(),
                template.stage(),
                template.pAlive(),
                template.pAlivePrevious(),
                template.customerValue(),
                template.clv(),
                template.reasonCode(),
                template.reasonArguments(),
                template.level(),
                template.depth()));
      }
    }
    List<Actions.ListSize> sizes =
        full.actions().lists().stream()
            .map(l -> new Actions.ListSize(l.list(), l.customers() * f))
            .toList();
    List<TrendPoint> trends = new ArrayList<>();
    for (int d = 0; d < 365; d++) {
      Map<String, Long> byTier = new LinkedHashMap<>();
      for (Pyramid.Tier t : tiers) {
        byTier.put(t.tier(), t.customers() - (365 - d) * 11L);
      }
      trends.add(
          new TrendPoint(
              RUN_DATE.minusDays(364 - d), byTier, BigDecimal.valueOf(14_000_000_000L + d)));
    }
    Headline h = full.headline();
    return ReportModel.builder(
            new Headline(
                RUN_DATE,
                h.customers() * f,
                h.activeCustomers() * f,
                times(h.netSpendAllTime(), f),
                times(h.netSpendTrailing(), f),
                times(h.clvNext(), f),
                h.inputRows() * f,
                h.quarantinedRows() * f),
            EUR)
        .rfm(full.rfm())
        .lifecycle(full.lifecycle())
        .relationships(full.relationships())
        .migration(full.migration())
        .churn(full.churn())
        .modelHealth(full.modelHealth())
        .dataQuality(full.dataQuality())
        .pyramid(new Pyramid("customer_value", tiers))
        .portfolio(
            new Portfolio(
                p.xAxis(),
                p.yAxis(),
                p.xThreshold(),
                p.yThreshold(),
                quadrants,
                new Portfolio.Inactive(451 * f, new BigDecimal("620842907.90")),
                p.sample()))
        .clusters(new Clusters(8, "silhouette", 0.31, full.clusters().features(), clusters))
        .actions(new Actions(0.5, 100, 10, sizes, rows))
        .trends(trends)
        .build();
  }

  private static BigDecimal times(BigDecimal amount, long factor) {
    return amount.multiply(BigDecimal.valueOf(factor));
  }

  /** Only the headline: every section shows the "not available" note. */
  static ReportModel minimal() {
    return ReportModel.builder(
            new Headline(RUN_DATE, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null),
            new Units("", 365, 12, 30.4375, 365))
        .build();
  }

  /**
   * Awkward but legal data: no sample points, two tiers, one run in the trends, every heatmap cell
   * equal, negative growth thresholds, a linear x axis, a custom segment and tier, churn over one
   * night (not annualised), no evaluation, empty action lists.
   */
  static ReportModel sparse() {
    return ReportModel.builder(
            new Headline(
                RUN_DATE, 3, 2, new BigDecimal("10.00"), new BigDecimal("10.00"), null, 3L, 0L),
            new Units("", 365, 12, 30.4375, 365))
        .pyramid(
            new Pyramid(
                "trailing_value",
                List.of(
                    new Pyramid.Tier(
                        "vip", 2, new BigDecimal("10.00"), new BigDecimal("10.00"), 0.6667, 1.0),
                    new Pyramid.Tier(
                        "inactive", 1, BigDecimal.ZERO, BigDecimal.ZERO, 0.3333, 0.0))))
        .portfolio(
            new Portfolio(
                "my own x axis",
                "growth_rate",
                5,
                -0.25,
                List.of(
                    new Portfolio.Quadrant(
                        "star", 2, new BigDecimal("10.00"), new BigDecimal("10.00"))),
                new Portfolio.Inactive(1, BigDecimal.ZERO),
                List.of()))
        .rfm(
            new Rfm(
                List.of(new Rfm.Cell(5, 1, 2, 5.0), new Rfm.Cell(1, 1, 1, 5.0)),
                List.of(new Rfm.Segment("big_spenders", 2, new BigDecimal("10.00"), 1, 1, 5))))
        .lifecycle(
            new Lifecycle(
                List.of(new Lifecycle.Stage("exploration", 3, BigDecimal.TEN, null)),
                RUN_DATE.minusDays(1),
                new FlowMatrix(List.of(new FlowMatrix.Cell("new", "exploration", 3)))))
        .migration(
            new Migration(
                RUN_DATE.minusDays(1),
                new FlowMatrix(
                    List.of(
                        new FlowMatrix.Cell("new", "vip", 2),
                        new FlowMatrix.Cell("vip", "platinum", 1))),
                new FlowMatrix(List.of(new FlowMatrix.Cell("new", "star", 2)))))
        .churn(churn(1, false))
        .modelHealth(modelHealth(false))
        .actions(
            new Actions(
                0.5,
                100,
                10,
                List.of(
                    new Actions.ListSize("vip_key_slipping", 0),
                    new Actions.ListSize("win_back", 0)),
                List.of()))
        .dataQuality(new DataQuality(3, DataQuality.outcomes(3, 0, 0, 0), 0, Map.of()))
        .trends(
            List.of(
                new TrendPoint(
                    RUN_DATE, Map.of("vip", 2L, "inactive", 0L), new BigDecimal("10.00"))))
        .build();
  }

  /** The full model with hostile text wherever the pipeline can put free text. */
  static ReportModel hostile() {
    ReportModel full = full();
    List<Rfm.Segment> segments = new ArrayList<>(full.rfm().segments());
    segments.add(new Rfm.Segment(HOSTILE, 12, new BigDecimal("99.00"), 40, 1.5, 8.25));
    Portfolio p = full.portfolio();
    Actions a = full.actions();
    List<Actions.Row> rows = new ArrayList<>(a.rows());
    rows.add(
        new Actions.Row(
            "win_back",
            3,
            HOSTILE,
            HOSTILE,
            HOSTILE,
            HOSTILE,
            0.1,
            null,
            BigDecimal.ONE,
            BigDecimal.ONE,
            HOSTILE,
            List.of(HOSTILE),
            HOSTILE,
            HOSTILE));
    return full.toBuilder()
        .rfm(new Rfm(full.rfm().heatmap(), segments))
        .portfolio(
            new Portfolio(
                HOSTILE,
                "y " + HOSTILE,
                p.xThreshold(),
                p.yThreshold(),
                p.quadrants(),
                p.inactive(),
                p.sample()))
        .migration(
            new Migration(
                PREVIOUS,
                new FlowMatrix(
                    List.of(
                        new FlowMatrix.Cell(HOSTILE, "vip", 3),
                        new FlowMatrix.Cell("vip", HOSTILE, 2))),
                quadrantFlows()))
        .clusters(
            new Clusters(
                2,
                HOSTILE,
                0.4,
                List.of(HOSTILE),
                List.of(
                    new Clusters.Cluster(
                        0, HOSTILE, 1, 1.0, Map.of(), Map.of(HOSTILE, 1.0), HOSTILE, HOSTILE))))
        .actions(new Actions(0.5, 100, 10, a.lists(), rows))
        .build();
  }

  static Pyramid pyramid() {
    return new Pyramid(
        "customer_value",
        List.of(
            // deliberately out of order: the page orders the tiers
            tier("small", 3_137, "1261003.15", "2261003.15", 0.7175, 0.2030),
            tier("vip", 39, "1404462.25", "1904462.25", 0.0089, 0.2261),
            tier("key", 157, "1435560.70", "1935560.70", 0.0359, 0.2312),
            tier("medium", 588, "2109429.25", "2538920.10", 0.1345, 0.3397),
            tier("inactive", 451, "0.00", "271461.70", 0.1032, 0.0)));
  }

  private static Pyramid.Tier tier(
      String tier, long customers, String trailing, String allTime, double share, double spend) {
    return new Pyramid.Tier(
        tier, customers, new BigDecimal(trailing), new BigDecimal(allTime), share, spend);
  }

  static Portfolio portfolio(int points) {
    Random random = new Random(42);
    double xThreshold = 650;
    double yThreshold = 0.1;
    List<Portfolio.Point> sample = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      double x = Math.exp(6.4 + 1.3 * random.nextGaussian());
      double y =
          Math.max(-1, Math.min(1, 0.1 + 0.35 * random.nextGaussian() - 0.05 * Math.log(x / 650)));
      String quadrant =
          x >= xThreshold
              ? (y >= yThreshold ? "star" : "cash_cow")
              : (y >= yThreshold ? "question_mark" : "dog");
      sample.add(
          new Portfolio.Point(
              Math.round(x * 100) / 100.0, Math.round(y * 1000) / 1000.0, quadrant));
    }
    return new Portfolio(
        "trailing_value",
        "predicted_growth",
        xThreshold,
        yThreshold,
        List.of(
            quadrant("star", 981, "4012330.10"),
            quadrant("question_mark", 979, "402110.55"),
            quadrant("cash_cow", 980, "3891002.40"),
            quadrant("dog", 981, "334503.15")),
        new Portfolio.Inactive(451, new BigDecimal("271461.70")),
        sample);
  }

  private static Portfolio.Quadrant quadrant(String q, long customers, String trailing) {
    BigDecimal t = new BigDecimal(trailing);
    return new Portfolio.Quadrant(q, customers, t, t.multiply(BigDecimal.valueOf(2)));
  }

  static List<Rfm.Cell> rfmCells() {
    List<Rfm.Cell> cells = new ArrayList<>();
    for (int r = 1; r <= 5; r++) {
      for (int f = 1; f <= 5; f++) {
        long customers =
            20 + (long) (Math.abs(r - f) < 2 ? 260 - 30 * Math.abs(r - f) * r : 45 + 7 * r);
        cells.add(new Rfm.Cell(r, f, customers, 120 + 45 * f * f + 30 * r));
      }
    }
    return cells;
  }

  static List<Rfm.Segment> segments() {
    return List.of(
        segment("champions", 603, "4420117.52", 9.4, 12.8, 7330.21),
        segment("loyal", 512, "1731020.00", 31.0, 6.1, 3380.90),
        segment("potential_loyalist", 771, "980331.40", 28.2, 2.7, 1271.50),
        segment("new_customers", 204, "61402.10", 14.1, 1.0, 301.0),
        segment("promising", 188, "88100.00", 22.5, 1.4, 468.6),
        segment("need_attention", 239, "301555.75", 52.0, 3.2, 1261.7),
        segment("about_to_sleep", 311, "101230.00", 96.3, 1.6, 325.5),
        segment("at_risk", 402, "598200.20", 160.4, 4.4, 1488.06),
        segment("cant_lose_them", 77, "250770.00", 190.2, 9.9, 3256.75),
        segment("hibernating", 622, "271011.30", 201.7, 1.5, 435.7),
        segment("lost", 443, "107669.53", 290.8, 1.0, 243.05));
  }

  private static Rfm.Segment segment(
      String s, long n, String spend, double recency, double orders, double mean) {
    return new Rfm.Segment(s, n, new BigDecimal(spend), recency, orders, mean);
  }

  static Lifecycle lifecycle() {
    return new Lifecycle(
        List.of(
            new Lifecycle.Stage("exploration", 612, new BigDecimal("301220.50"), bd(210330)),
            new Lifecycle.Stage("formation", 1_010, new BigDecimal("1450880.10"), bd(1201400)),
            new Lifecycle.Stage("stability", 905, new BigDecimal("3602111.75"), bd(3300110)),
            new Lifecycle.Stage("decline", 1_845, new BigDecimal("856243.00"), bd(690273.8))),
        PREVIOUS,
        new FlowMatrix(
            List.of(
                new FlowMatrix.Cell("new", "exploration", 120),
                new FlowMatrix.Cell("exploration", "exploration", 480),
                new FlowMatrix.Cell("exploration", "formation", 70),
                new FlowMatrix.Cell("exploration", "decline", 40),
                new FlowMatrix.Cell("formation", "formation", 900),
                new FlowMatrix.Cell("formation", "stability", 60),
                new FlowMatrix.Cell("formation", "decline", 48),
                new FlowMatrix.Cell("stability", "stability", 840),
                new FlowMatrix.Cell("stability", "decline", 12),
                new FlowMatrix.Cell("decline", "decline", 1_790),
                new FlowMatrix.Cell("decline", "formation", 12))));
  }

  private static BigDecimal bd(double v) {
    return BigDecimal.valueOf(v);
  }

  static Clusters clusters() {
    List<String> features =
        List.of("recency_days", "frequency", "monetary_total", "tenure_days", "p_alive", "clv");
    return new Clusters(
        4,
        "silhouette",
        0.404,
        features,
        List.of(
            cluster(
                0,
                "lapsed one-time low-spenders",
                1193,
                0.398,
                features,
                417,
                1,
                64.9,
                488,
                new double[] {0.50, -0.70, -0.68, 0.30, 0.75, -0.15},
                "inactive",
                "question_mark"),
            cluster(
                1,
                "lapsed mid-spenders",
                934,
                0.312,
                features,
                412,
                3,
                217.7,
                519,
                new double[] {0.53, 0.47, 0.46, 0.40, -1.32, -0.89},
                "inactive",
                "question_mark"),
            cluster(
                2,
                "recent frequent high-spenders",
                485,
                0.162,
                features,
                38,
                6,
                459.5,
                421,
                new double[] {-1.44, 1.26, 1.12, 0.08, 0.29, 1.48},
                "small",
                "star"),
            cluster(
                3,
                "new recent one-time mid-spenders (cluster 3)",
                384,
                0.128,
                features,
                67,
                1,
                86.2,
                93,
                new double[] {-1.03, -0.55, -0.41, -1.99, 0.52, 0.77},
                "small",
                "question_mark")));
  }

  private static Clusters.Cluster cluster(
      int id,
      String label,
      long n,
      double share,
      List<String> features,
      double recency,
      double orders,
      double spend,
      double tenure,
      double[] centre,
      String tier,
      String quadrant) {
    Map<String, Double> medians = new LinkedHashMap<>();
    medians.put("recency_days", recency);
    medians.put("frequency", orders);
    medians.put("monetary_total", spend);
    medians.put("tenure_days", tenure);
    medians.put("p_alive", 0.5 + centre[4] / 10);
    medians.put("clv", spend / 3);
    Map<String, Double> z = new LinkedHashMap<>();
    for (int j = 0; j < features.size(); j++) {
      z.put(features.get(j), centre[j]);
    }
    return new Clusters.Cluster(id, label, n, share, medians, z, tier, quadrant);
  }

  static Relationships relationships() {
    Map<String, Map<String, String>> levels =
        Map.of(
            "many", Map.of("high", "accountable", "medium", "reactive", "low", "basic"),
            "medium", Map.of("high", "proactive", "medium", "accountable", "low", "reactive"),
            "few", Map.of("high", "partnership", "medium", "proactive", "low", "accountable"));
    return new Relationships(
        levels,
        List.of(
            row("pyramid_tier", "vip", 39, 0.009, 16.2, "few", "high", "partnership", "structural"),
            row("pyramid_tier", "key", 157, 0.036, 5.2, "few", "high", "partnership", "social"),
            row("pyramid_tier", "medium", 588, 0.134, 2.1, "medium", "high", "proactive", "social"),
            row("pyramid_tier", "small", 3_137, 0.718, 0.3, "many", "low", "basic", "financial"),
            row(
                "pyramid_tier",
                "inactive",
                451,
                0.103,
                0,
                "medium",
                "low",
                "reactive",
                "financial"),
            row(
                "portfolio_quadrant",
                "star",
                981,
                0.224,
                2.9,
                "medium",
                "high",
                "proactive",
                "structural"),
            row(
                "portfolio_quadrant",
                "question_mark",
                979,
                0.224,
                0.3,
                "medium",
                "low",
                "reactive",
                "social"),
            row(
                "portfolio_quadrant",
                "cash_cow",
                980,
                0.224,
                2.8,
                "medium",
                "high",
                "proactive",
                "social"),
            row(
                "portfolio_quadrant",
                "dog",
                981,
                0.224,
                0.2,
                "medium",
                "low",
                "reactive",
                "financial")));
  }

  private static Relationships.Row row(
      String dimension,
      String segment,
      long n,
      double share,
      double index,
      String size,
      String margin,
      String level,
      String depth) {
    return new Relationships.Row(
        dimension,
        new RelationshipLevels.Recommendation(
            segment, n, share, index, size, margin, level, depth));
  }

  static FlowMatrix tierFlows() {
    String[] tiers = {"vip", "key", "medium", "small", "inactive"};
    long[][] counts = {
      {31, 6, 1, 0, 0},
      {5, 121, 22, 4, 1},
      {2, 21, 472, 61, 9},
      {0, 6, 78, 2_812, 160},
      {0, 1, 9, 150, 266}
    };
    List<FlowMatrix.Cell> cells = new ArrayList<>();
    for (int i = 0; i < tiers.length; i++) {
      for (int j = 0; j < tiers.length; j++) {
        if (counts[i][j] > 0) {
          cells.add(new FlowMatrix.Cell(tiers[i], tiers[j], counts[i][j]));
        }
      }
    }
    cells.add(new FlowMatrix.Cell("new", "vip", 1));
    cells.add(new FlowMatrix.Cell("new", "key", 3));
    cells.add(new FlowMatrix.Cell("new", "medium", 6));
    cells.add(new FlowMatrix.Cell("new", "small", 110));
    cells.add(new FlowMatrix.Cell("inactive", "lost", 25));
    cells.add(new FlowMatrix.Cell("small", "lost", 12));
    return new FlowMatrix(cells);
  }

  static FlowMatrix quadrantFlows() {
    String[] q = {"star", "question_mark", "cash_cow", "dog"};
    List<FlowMatrix.Cell> cells = new ArrayList<>();
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < q.length; j++) {
        cells.add(new FlowMatrix.Cell(q[i], q[j], i == j ? 800 + 20 * i : 40 + 7 * (i + j)));
      }
    }
    cells.add(new FlowMatrix.Cell("new", "question_mark", 90));
    return new FlowMatrix(cells);
  }

  static Churn churn(long days, boolean annualised) {
    List<Churn.Row> rows = new ArrayList<>();
    String[][] groups = {
      {"pyramid_tier", "vip", "38", "1"},
      {"pyramid_tier", "key", "153", "5"},
      {"pyramid_tier", "medium", "565", "9"},
      {"pyramid_tier", "small", "3056", "160"},
      {"portfolio_quadrant", "star", "981", "20"},
      {"portfolio_quadrant", "question_mark", "979", "70"},
      {"portfolio_quadrant", "cash_cow", "980", "30"},
      {"portfolio_quadrant", "dog", "981", "55"},
      {"all", "all_active", "3812", "175"}
    };
    for (String[] g : groups) {
      long n = Long.parseLong(g[2]);
      long m = Long.parseLong(g[3]);
      Double perYear = annualised ? m * 365.25 / days : null;
      rows.add(
          new Churn.Row(
              g[0],
              g[1],
              n,
              m,
              (double) (n - m) / n,
              perYear,
              perYear == null || m == 0 ? null : n / perYear,
              BigDecimal.valueOf(m * 123.45)));
    }
    return new Churn(RUN_DATE.minusDays(days), days, annualised, "clv", rows);
  }

  static ModelHealth modelHealth(boolean withEvaluation) {
    Map<String, Double> bgnbd = new LinkedHashMap<>();
    bgnbd.put("r", 0.2426);
    bgnbd.put("alpha", 4.4137);
    bgnbd.put("a", 0.7930);
    bgnbd.put("b", 2.4262);
    Map<String, Double> mbg = new LinkedHashMap<>(bgnbd);
    mbg.put("r", 0.5248);
    Map<String, Double> gg = new LinkedHashMap<>();
    gg.put("p", 6.25);
    gg.put("q", 3.74);
    gg.put("v", 15.44);
    List<ModelHealth.PAliveBand> bands = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      bands.add(new ModelHealth.PAliveBand(b / 10.0, (b + 1) / 10.0, 40L * b * b, 300 - 25L * b));
    }
    ModelHealth.Evaluation evaluation =
        new ModelHealth.Evaluation(
            LocalDate.of(1997, 9, 30),
            LocalDate.of(1998, 6, 30),
            List.of(
                new ModelHealth.FrequencyRow("0", 1411, 0.2367, 0.2251),
                new ModelHealth.FrequencyRow("1", 439, 0.6970, 0.5231),
                new ModelHealth.FrequencyRow("2", 214, 1.3925, 1.0441),
                new ModelHealth.FrequencyRow("3", 100, 1.5600, 1.5203),
                new ModelHealth.FrequencyRow("7+", 64, 6.3594, 6.1572)),
            1882,
            1653.4,
            0.785);
    return new ModelHealth(
        new ModelHealth.TransactionModel(
            "mbgnbd",
            withEvaluation,
            withEvaluation ? null : "fewer than 30 repeat buyers (2)",
            "weeks",
            2_357,
            946,
            "highest log-likelihood among 3 converged fits",
            List.of(
                new ModelHealth.Candidate("bgnbd", bgnbd, -9582.43, true, false),
                new ModelHealth.Candidate("mbgnbd", mbg, -9582.14, true, true),
                new ModelHealth.Candidate("pareto-nbd", Map.of(), null, false, false))),
        new ModelHealth.SpendModel(true, true, 946, false, 0.114, gg, -4055.92),
        bands,
        withEvaluation ? evaluation : null);
  }

  static Actions actions() {
    List<Actions.Row> rows = new ArrayList<>();
    rows.add(
        action(
            "vip_key_slipping",
            1,
            "C10482",
            "vip",
            "star",
            "decline",
            0.41,
            0.72,
            18_400,
            "p_alive_fell",
            List.of("0.72", "0.41", "0.50", PREVIOUS.toString()),
            "partnership",
            "structural"));
    rows.add(
        action(
            "rising_question_marks",
            1,
            "C20931",
            "small",
            "question_mark",
            "formation",
            0.93,
            null,
            1_210,
            "rising",
            List.of("0.84", "960.10", "84.00"),
            "reactive",
            "social"));
    rows.add(
        action(
            "at_risk_high_value",
            1,
            "C10482",
            "vip",
            "star",
            "decline",
            0.41,
            0.72,
            18_400,
            "decline",
            List.of("0.41"),
            "partnership",
            "structural"));
    rows.add(
        action(
            "at_risk_high_value",
            2,
            "C33310",
            "medium",
            "cash_cow",
            "stability",
            0.38,
            0.55,
            2_950,
            "p_alive_low",
            List.of("0.38", "0.50"),
            "proactive",
            "social"));
    rows.add(
        action(
            "win_back",
            1,
            "C00017",
            "inactive",
            "dog",
            "decline",
            0.12,
            0.15,
            3_400,
            "lapsed",
            List.of("402", "37", "3400.00"),
            "reactive",
            "financial"));
    return new Actions(
        0.5,
        100,
        10,
        List.of(
            new Actions.ListSize("vip_key_slipping", 1),
            new Actions.ListSize("rising_question_marks", 979),
            new Actions.ListSize("at_risk_high_value", 57),
            new Actions.ListSize("win_back", 214)),
        rows);
  }

  private static Actions.Row action(
      String list,
      int priority,
      String id,
      String tier,
      String quadrant,
      String stage,
      double pAlive,
      Double previous,
      double value,
      String reason,
      List<String> args,
      String level,
      String depth) {
    return new Actions.Row(
        list,
        priority,
        id,
        tier,
        quadrant,
        stage,
        pAlive,
        previous,
        BigDecimal.valueOf(value),
        BigDecimal.valueOf(value / 3),
        reason,
        args,
        level,
        depth);
  }

  static DataQuality dataQuality() {
    Map<String, Long> reasons = new LinkedHashMap<>();
    reasons.put("missing_customer_id", 135_080L);
    reasons.put("zero_amount", 40L);
    reasons.put("unparseable_timestamp", 1_414L);
    return new DataQuality(
        541_909, DataQuality.outcomes(400_150, 136_534, 5_225, 0), 8_872, reasons);
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
              BigDecimal.valueOf(5_600_000L + 120_000L * m)));
    }
    return points;
  }
}
