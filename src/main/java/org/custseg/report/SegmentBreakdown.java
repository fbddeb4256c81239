package org.custseg.report;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.custseg.report.ColumnSpec.Kind.INTEGER;
import static org.custseg.report.ColumnSpec.Kind.RATIO;
import static org.custseg.report.ColumnSpec.Kind.TEXT;
import static org.custseg.report.ColumnSpec.of;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.features.CustomerState;
import org.custseg.report.html.Units;
import org.custseg.schema.Columns;

/**
 * Segments broken down by the attributes the data has (domain.md section 8): {@code
 * segment_breakdown.csv}. A customer's country and channel are their most frequent value over their
 * clean transaction rows (ties: the value that sorts first); new vs returning is frequency 1 vs
 * more. An attribute with no value in the data is skipped; customers without a value for an
 * attribute the data has are {@code unknown}.
 */
public final class SegmentBreakdown {

  public static final String FILE = "segment_breakdown.csv";
  public static final String UNKNOWN = "unknown";
  public static final String NEW_VS_RETURNING = "new_vs_returning";
  static final List<String> ATTRIBUTES = CustomerState.ATTRIBUTES;
  static final List<String> SEGMENT_TYPES =
      List.of(
          Columns.PYRAMID_TIER,
          Columns.PORTFOLIO_QUADRANT,
          "lifecycle_stage",
          Columns.RFM_SEGMENT,
          "cluster_id");

  public static final List<ColumnSpec> COLUMNS =
      List.of(
          of("attribute", TEXT, "", "country, channel or new_vs_returning."),
          of(
              "attribute_value",
              TEXT,
              "",
              "The customer's most frequent value (country, channel), unknown when they have none; "
                  + "new (frequency 1) or returning (frequency > 1)."),
          of(
              "segment_type",
              TEXT,
              "",
              "pyramid_tier, portfolio_quadrant, lifecycle_stage, rfm_segment or cluster_id."),
          of("segment", TEXT, "", "The segment."),
          of("customers", INTEGER, "customers", "Customers with this attribute value and segment."),
          of(
              "share_of_attribute_value",
              RATIO,
              "0-1",
              "customers / customers with this attribute value."),
          ColumnSpec.measure(
              "revenue_trailing", Measure.TRAILING_VALUE, "Sum of their trailing_value."),
          ColumnSpec.measure("revenue", Measure.MONETARY_TOTAL, "Sum of their monetary_total."),
          MeasureColumns.wordsFor("revenue_trailing_measure", "revenue_trailing"),
          MeasureColumns.wordsFor("revenue_measure", "revenue"),
          MeasureColumns.CURRENCY);

  public static final DataDictionary.FileSpec FILE_SPEC =
      new DataDictionary.FileSpec(
          "reports/run_date=D/" + FILE,
          "Segment counts and value per attribute value (country, channel, new vs returning); "
              + "non-empty combinations only, attributes absent from the data skipped.",
          COLUMNS);

  private SegmentBreakdown() {}

  /**
   * One aggregation of the customer table joined with each customer's attribute modes, grouped by
   * every attribute value and every segment type at once (each customer row aggregated once), then
   * a second, small aggregation in Spark rolls those groups up per attribute value, segment type
   * and segment: only the cells of the file reach the driver. Counts and sums are exact.
   *
   * @param state the customer state ({@link CustomerState}): it counts each customer's rows per
   *     country and channel, so the breakdown is the same in full and incremental runs
   * @param customers the customer table
   */
  public static ReportTable table(Dataset<Row> state, Dataset<Row> customers, Units units) {
    List<String> attributes = new ArrayList<>(ATTRIBUTES);
    List<Column> modes = new ArrayList<>(List.of(col(Columns.CUSTOMER_ID).as("_cid")));
    for (String a : ATTRIBUTES) {
      modes.add(CustomerState.mostFrequent(a).as(a));
    }
    List<String> customerCols = Arrays.asList(customers.columns());
    List<String> segmentTypes = SEGMENT_TYPES.stream().filter(customerCols::contains).toList();

    // Only the columns the aggregation reads cross the join.
    List<Column> narrow =
        new ArrayList<>(
            List.of(
                col(Columns.CUSTOMER_ID),
                col(Columns.FREQUENCY),
                col(Columns.TRAILING_VALUE),
                col(Columns.MONETARY_TOTAL)));
    segmentTypes.forEach(t -> narrow.add(col(t)));
    Dataset<Row> c = customers.select(narrow.toArray(Column[]::new));
    Dataset<Row> m = state.select(modes.toArray(Column[]::new));
    Dataset<Row> wide =
        c.join(m, c.col(Columns.CUSTOMER_ID).equalTo(m.col("_cid")), "left").drop("_cid");
    List<String> pairAttributes = new ArrayList<>(attributes);
    pairAttributes.add(NEW_VS_RETURNING);
    List<Column> keys = new ArrayList<>();
    for (String a : attributes) {
      keys.add(coalesce(col(a), lit(UNKNOWN)).as("_k" + keys.size()));
    }
    keys.add(
        when(col(Columns.FREQUENCY).leq(1), lit("new"))
            .otherwise(lit("returning"))
            .as("_k" + keys.size()));
    segmentTypes.forEach(t -> keys.add(col(t).cast("string").as("_k" + keys.size())));
    int np = pairAttributes.size();
    // Each customer row is aggregated once, by every key at once; the groups (at most one per
    // combination present) are then rolled up in Spark to one row per attribute value, segment type
    // and segment, so what reaches the driver is bounded by the attributes' and segments' values,
    // not by their combinations.
    Dataset<Row> groups =
        wide.groupBy(keys.toArray(Column[]::new))
            .agg(
                count(lit(1)).as("_n"),
                sum(col(Columns.TRAILING_VALUE)).as("_trailing"),
                sum(col(Columns.MONETARY_TOTAL)).as("_revenue"));
    List<Column> cellKeys = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      for (int t = 0; t < segmentTypes.size(); t++) {
        cellKeys.add(
            struct(
                lit(pairAttributes.get(p)).as("a"),
                col("_k" + p).as("v"),
                lit(segmentTypes.get(t)).as("t"),
                col("_k" + (np + t)).as("s")));
      }
    }
    List<Row> rows =
        cellKeys.isEmpty()
            ? List.of()
            : groups
                .withColumn("_cell", explode(array(cellKeys.toArray(Column[]::new))))
                .groupBy(col("_cell.a"), col("_cell.v"), col("_cell.t"), col("_cell.s"))
                .agg(sum(col("_n")), sum(col("_trailing")), sum(col("_revenue")))
                .collectAsList();

    Set<String> seenAttributes = new HashSet<>();
    Map<String, Long> perValue = new HashMap<>();
    Map<List<String>, Object[]> cells = new HashMap<>();
    for (Row r : rows) {
      String a = r.getString(0);
      String v = r.getString(1);
      String type = r.getString(2);
      long n = r.getLong(4);
      if (!UNKNOWN.equals(v)) {
        seenAttributes.add(a);
      }
      // every customer has one segment of each type: the first type's cells count each once
      if (type.equals(segmentTypes.get(0))) {
        perValue.merge(a + "\u0000" + v, n, Long::sum);
      }
      cells.put(
          List.of(a, v, type, String.valueOf(r.getString(3))),
          new Object[] {
            n,
            r.isNullAt(5) ? BigDecimal.ZERO : r.getDecimal(5),
            r.isNullAt(6) ? BigDecimal.ZERO : r.getDecimal(6)
          });
    }
    List<String> attributeOrder = pairAttributes;
    List<List<String>> keysSorted =
        cells.keySet().stream()
            .filter(k -> seenAttributes.contains(k.get(0)))
            .sorted(
                Comparator.<List<String>>comparingInt(k -> attributeOrder.indexOf(k.get(0)))
                    .thenComparing(k -> k.get(1))
                    .thenComparingInt(k -> segmentTypes.indexOf(k.get(2)))
                    .thenComparing(k -> k.get(3)))
            .toList();
    List<List<Object>> out = new ArrayList<>();
    for (List<String> k : keysSorted) {
      Object[] acc = cells.get(k);
      long n = (Long) acc[0];
      out.add(
          Arrays.asList(
              k.get(0),
              k.get(1),
              k.get(2),
              k.get(3),
              n,
              SummaryReports.share(n, perValue.get(k.get(0) + "\u0000" + k.get(1))),
              acc[1],
              acc[2],
              Measure.TRAILING_VALUE.label(units),
              Measure.MONETARY_TOTAL.label(units),
              MeasureColumns.currency(units)));
    }
    return new ReportTable(FILE, "Segment breakdown", COLUMNS, out);
  }
}
