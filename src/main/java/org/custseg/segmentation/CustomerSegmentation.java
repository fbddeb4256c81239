package org.custseg.segmentation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.custseg.config.ClusterSettings;
import org.custseg.config.LifecycleSettings;
import org.custseg.config.PortfolioSettings;
import org.custseg.config.PyramidSettings;
import org.custseg.config.RelationshipSettings;
import org.custseg.config.RfmSegmentTable;
import org.custseg.schema.Columns;
import org.custseg.scoring.CustomerValuation;
import org.custseg.scoring.CutPoints;
import org.custseg.scoring.RfmScores;
import org.custseg.scoring.ValueRanking;

/**
 * From per-customer features to the customer table: RFM scores and segment, value rank, pyramid
 * tier and portfolio quadrant, lifecycle stage, relationship level and behavioural cluster. The
 * axes are given by the caller ({@link CustomerValuation.Axes}): the pyramid's (customer_value by
 * default) and the quadrant's value and growth axes (trailing_value and predicted_growth by
 * default), or the model-free net spend in the trailing window and the growth rate between its two
 * halves.
 */
public final class CustomerSegmentation {

  /**
   * The customer table (in value_rank order, partition by partition) and the parameters that
   * produced it (for the manifest and reports).
   */
  public record Result(
      Dataset<Row> customers,
      long customerCount,
      long activeCustomers,
      RfmScores.Cuts rfmCuts,
      ValuePyramid.Bounds pyramidBounds,
      PortfolioQuadrant.Thresholds quadrantThresholds,
      CustomerValuation.Axes axes,
      BehaviouralClusters.Model clusterModel) {}

  /** The settings of the segments this class assigns. */
  public record Rules(
      PyramidSettings pyramid,
      PortfolioSettings portfolio,
      LifecycleSettings lifecycle,
      ClusterSettings clusters,
      RelationshipSettings relationship) {}

  private CustomerSegmentation() {}

  /**
   * @param features the features with the value columns (scoring.ValueScores); read several times
   *     (counts, cut points, the cluster sample, the rank), so the caller should persist it
   * @param axes the columns of value_rank and the pyramid, and of the quadrant's two axes
   */
  public static Result segment(
      Dataset<Row> features,
      LocalDate runDate,
      Rules config,
      RfmSegmentTable table,
      CustomerValuation.Axes axes) {
    Row counts = features.agg(count(lit(1)), count(when(col(Columns.IS_ACTIVE), lit(1)))).first();
    long customers = counts.getLong(0);
    long active = counts.getLong(1);

    // The cut points of both the RFM scores and the quadrant, over the same customers (the active
    // ones), in one batch of passes.
    List<CutPoints.Request> wanted = new ArrayList<>(RfmScores.REQUESTS);
    wanted.addAll(
        PortfolioQuadrant.requests(
            axes.quadrantValue(), axes.quadrantGrowth(), config.portfolio()));
    Iterator<List<Object>> quantiles =
        CutPoints.nearestRank(RfmScores.basis(features, active), wanted).iterator();
    RfmScores.Cuts cuts = RfmScores.cuts(quantiles);
    PortfolioQuadrant.Thresholds thresholds =
        PortfolioQuadrant.thresholds(quantiles, config.portfolio());
    BehaviouralClusters.Model clusterModel =
        BehaviouralClusters.fit(features, customers, config.clusters());

    // The one sort of the step (value_rank): the ranked table stays persisted and in rank order
    // for the tiers' recommendations and the outputs (the step clears Spark's cache at its end).
    ValuePyramid.Bounds bounds = ValuePyramid.Bounds.of(active, config.pyramid());
    Dataset<Row> scored = RfmSegments.apply(RfmScores.apply(features, cuts), table);
    Dataset<Row> ranked = ValueRanking.rank(scored, axes.pyramid(), customers);
    Dataset<Row> tiered = ValuePyramid.apply(ranked, bounds);
    Dataset<Row> assembled =
        PortfolioQuadrant.apply(tiered, axes.quadrantValue(), axes.quadrantGrowth(), thresholds)
            .withColumn(Columns.RUN_DATE, lit(Date.valueOf(runDate)));

    // Issue 6: lifecycle stage, relationship level (from the tier), behavioural cluster.
    Dataset<Row> staged = LifecycleStage.apply(assembled, config.lifecycle());
    Dataset<Row> related =
        RelationshipLevels.apply(
            staged, new RelationshipLevels(config.relationship()).byTier(staged));
    Dataset<Row> clustered = BehaviouralClusters.assign(related, clusterModel);

    return new Result(
        CustomerTable.select(clustered),
        customers,
        active,
        cuts,
        bounds,
        thresholds,
        axes,
        clusterModel);
  }
}
