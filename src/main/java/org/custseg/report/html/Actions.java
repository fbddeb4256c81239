package org.custseg.report.html;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The action lists' first rows (action_lists.csv holds up to {@code topN} per list).
 *
 * @param lists every list with the customers who qualify, in file order
 * @param rows the first {@code rowsPerList} rows of each list
 */
public record Actions(
    double pAliveThreshold, int topN, int rowsPerList, List<ListSize> lists, List<Row> rows) {

  public Actions {
    lists = List.copyOf(lists);
    rows = List.copyOf(rows);
  }

  /** A list and how many customers qualify for it (before the top-n cut). */
  public record ListSize(String list, long customers) {}

  /**
   * One customer on a list.
   *
   * @param pAlivePrevious P(alive) at the previous run, or {@code null}
   * @param reasonCode the reason's code ({@code action.reason.<code>} in the catalogues)
   * @param reasonArguments the figures of the reason's words, as the CSV writes them
   */
  public record Row(
      String list,
      int priority,
      String customerId,
      String tier,
      String quadrant,
      String stage,
      Double pAlive,
      Double pAlivePrevious,
      BigDecimal customerValue,
      BigDecimal clv,
      String reasonCode,
      List<String> reasonArguments,
      String level,
      String depth) {

    public Row {
      Objects.requireNonNull(list, "list");
      Objects.requireNonNull(customerId, "customerId");
      reasonArguments = List.copyOf(reasonArguments);
    }
  }
}
