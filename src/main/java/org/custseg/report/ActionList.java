package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.custseg.config.ActionSettings;
import org.custseg.schema.Columns;
import org.custseg.segmentation.LifecycleStage;
import org.custseg.segmentation.PortfolioQuadrant;
import org.custseg.segmentation.ValuePyramid;

/**
 * The action lists: who is on each one, in which order, and why. The codes are stable (they are the
 * {@code list} column of {@code action_lists.csv}); the order of the constants is the order of the
 * file and the report.
 */
public enum ActionList {
  /**
   * vip or key customers whose P(alive) is below the threshold now and was at or above it at the
   * previous completed run (without a previous run: below it now). Most valuable first.
   */
  VIP_KEY_SLIPPING("vip_key_slipping", Columns.PYRAMID_TIER),
  /**
   * Active question marks with some net spend in the trailing window and the highest predicted
   * growth (without trailing spend the growth index is +1 by construction, which ranks nothing).
   */
  RISING_QUESTION_MARKS("rising_question_marks", Columns.PORTFOLIO_QUADRANT),
  /** vip, key or medium customers in lifecycle decline or with P(alive) below the threshold. */
  AT_RISK_HIGH_VALUE("at_risk_high_value", Columns.PYRAMID_TIER),
  /** Inactive customers whose last purchase is at most win-back-days beyond the window. */
  WIN_BACK("win_back", Columns.PYRAMID_TIER);

  /** The column the P(alive) of the previous run is joined in as. */
  static final String P_ALIVE_PREVIOUS = "p_alive_previous";

  private final String code;
  private final String segmentColumn;

  ActionList(String code, String segmentColumn) {
    this.code = code;
    this.segmentColumn = segmentColumn;
  }

  /** The stable code of the list. */
  public String code() {
    return code;
  }

  /**
   * The segmentation whose relationship level and depth give the list's recommended action: {@code
   * pyramid_tier} or {@code portfolio_quadrant}.
   */
  public String segmentColumn() {
    return segmentColumn;
  }

  /**
   * The settings the rules read.
   *
   * @param previousRunDate the previous completed run, or {@code null} when there is none (then
   *     {@link #P_ALIVE_PREVIOUS} is null on every row)
   */
  public record Rules(ActionSettings settings, int activityWindowDays, LocalDate previousRunDate) {

    boolean hasPrevious() {
      return previousRunDate != null;
    }

    Column belowThreshold() {
      return col(Columns.P_ALIVE).lt(settings.pAliveThreshold());
    }

    String threshold() {
      return two(settings.pAliveThreshold());
    }
  }

  /** Whether a customer is on the list (before the top-n cut). */
  Column qualifies(Rules r) {
    Column tier = col(Columns.PYRAMID_TIER);
    return switch (this) {
      case VIP_KEY_SLIPPING -> {
        Column slipping = tier.isin(ValuePyramid.VIP, ValuePyramid.KEY).and(r.belowThreshold());
        yield r.hasPrevious()
            ? slipping.and(col(P_ALIVE_PREVIOUS).geq(r.settings().pAliveThreshold()))
            : slipping;
      }
      case RISING_QUESTION_MARKS ->
          col(Columns.PORTFOLIO_QUADRANT)
              .equalTo(PortfolioQuadrant.QUESTION_MARK)
              .and(tier.notEqual(ValuePyramid.INACTIVE))
              .and(col(Columns.TRAILING_VALUE).gt(0));
      case AT_RISK_HIGH_VALUE ->
          tier.isin(ValuePyramid.VIP, ValuePyramid.KEY, ValuePyramid.MEDIUM)
              .and(
                  col(Columns.LIFECYCLE_STAGE)
                      .equalTo(LifecycleStage.DECLINE)
                      .or(r.belowThreshold()));
      case WIN_BACK ->
          tier.equalTo(ValuePyramid.INACTIVE)
              .and(
                  col(Columns.RECENCY_DAYS)
                      .leq(r.activityWindowDays() + r.settings().winBackDays()));
    };
  }

  /** The list's order, highest first: the main key and a tie-break before the customer id. */
  List<Column> priority() {
    return switch (this) {
      case VIP_KEY_SLIPPING, AT_RISK_HIGH_VALUE ->
          List.of(col(Columns.CUSTOMER_VALUE), col(Columns.CLV));
      case RISING_QUESTION_MARKS -> List.of(col(Columns.PREDICTED_GROWTH), col(Columns.CLV));
      case WIN_BACK -> List.of(col(Columns.HISTORICAL_VALUE), col(Columns.CLV));
    };
  }

  /** The code of the reason a qualifying customer is on the list. */
  Column reason(Rules r) {
    return switch (this) {
      case VIP_KEY_SLIPPING ->
          lit(r.hasPrevious() ? Reason.P_ALIVE_FELL.code : Reason.P_ALIVE_LOW_NO_PREVIOUS.code);
      case RISING_QUESTION_MARKS -> lit(Reason.RISING.code);
      case AT_RISK_HIGH_VALUE ->
          when(col(Columns.LIFECYCLE_STAGE).equalTo(LifecycleStage.DECLINE), Reason.DECLINE.code)
              .otherwise(Reason.P_ALIVE_LOW.code);
      case WIN_BACK -> lit(Reason.LAPSED.code);
    };
  }

  /**
   * The reasons, each a message-catalogue key ({@code action.reason.<code>}) whose {@code {n}}
   * arguments are the row's figures, formatted as the CSV writes them.
   */
  public enum Reason {
    P_ALIVE_FELL("p_alive_fell"),
    P_ALIVE_LOW_NO_PREVIOUS("p_alive_low_no_previous"),
    RISING("rising"),
    DECLINE("decline"),
    P_ALIVE_LOW("p_alive_low"),
    LAPSED("lapsed");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    /** The catalogue key of the reason's words. */
    public String key() {
      return "action.reason." + code;
    }

    /** The {@code {0}, {1}, ...} of the words, as text columns. */
    List<Column> arguments(Rules r) {
      return switch (this) {
        case P_ALIVE_FELL ->
            List.of(
                two(col(P_ALIVE_PREVIOUS)),
                two(col(Columns.P_ALIVE)),
                lit(r.threshold()),
                lit(String.valueOf(r.previousRunDate())));
        case P_ALIVE_LOW_NO_PREVIOUS, P_ALIVE_LOW ->
            List.of(two(col(Columns.P_ALIVE)), lit(r.threshold()));
        case RISING ->
            List.of(
                two(col(Columns.PREDICTED_GROWTH)),
                two(col(Columns.CLV)),
                two(col(Columns.TRAILING_VALUE)));
        case DECLINE -> List.of(two(col(Columns.P_ALIVE)));
        case LAPSED ->
            List.of(
                col(Columns.RECENCY_DAYS).cast("string"),
                col(Columns.RECENCY_DAYS).minus(r.activityWindowDays()).cast("string"),
                two(col(Columns.HISTORICAL_VALUE)));
      };
    }
  }

  private static Column two(Column c) {
    return format_string("%.2f", c.cast("double"));
  }

  private static String two(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
