package org.custseg.report.html;

import java.util.Objects;
import org.custseg.config.Settings;

/**
 * What the report's figures are measured in: the reporting currency and the windows of the measures
 * (the arguments of every {@code measure.*} label in the message catalogues).
 *
 * @param currency the reporting currency's ISO 4217 code; {@code ""} when the run did not state
 *     one; {@code null} in the generated documentation, which holds for any currency
 * @param trailingDays the trailing window of {@code trailing_value} ({@code
 *     segmentation.portfolio.trailing-days})
 * @param horizonMonths the CLV horizon ({@code segmentation.value.horizon-months})
 * @param periodDays the "next period" ({@code segmentation.value.period-days})
 * @param activityWindowDays the activity window ({@code segmentation.rfm.activity-window-days})
 */
public record Units(
    String currency,
    int trailingDays,
    int horizonMonths,
    double periodDays,
    int activityWindowDays) {

  /** The units of a run with these settings and this reporting currency ("" = not stated). */
  public static Units of(Settings settings, String currency) {
    return new Units(
        Objects.requireNonNull(currency, "currency"),
        settings.portfolio().trailingDays(),
        settings.value().horizonMonths(),
        settings.value().periodDays(),
        settings.rfm().activityWindowDays());
  }

  /** The units the generated documentation states: the given windows, any reporting currency. */
  public static Units documentation(Settings settings) {
    return new Units(
        null,
        settings.portfolio().trailingDays(),
        settings.value().horizonMonths(),
        settings.value().periodDays(),
        settings.rfm().activityWindowDays());
  }

  /** Whether the run named its reporting currency. */
  public boolean currencyStated() {
    return currency != null && !currency.isEmpty();
  }

  /** The arguments of the {@code measure.*} labels: {0} trailing days, {1} horizon months, ... */
  Object[] measureArguments() {
    return new Object[] {trailingDays, horizonMonths, periodDays, activityWindowDays};
  }
}
