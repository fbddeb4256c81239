package org.custseg.report.html;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the page's language writes them (the charts use Intl.NumberFormat alike). */
final class Formats {

  static final String NONE = "–";

  private final Locale locale;

  Formats(Locale locale) {
    this.locale = locale;
  }

  String integer(long value) {
    return NumberFormat.getIntegerInstance(locale).format(value);
  }

  String money(BigDecimal value) {
    return value == null ? NONE : decimal(2, 2).format(value);
  }

  String money(double value) {
    return Double.isFinite(value) ? decimal(2, 2).format(value) : NONE;
  }

  /** Up to two decimals. */
  String number(double value) {
    return Double.isFinite(value) ? decimal(0, 2).format(value) : NONE;
  }

  String number(Double value) {
    return value == null ? NONE : number(value.doubleValue());
  }

  /** Exactly two decimals (probabilities, indexes). */
  String two(Double value) {
    return value == null || !Double.isFinite(value) ? NONE : decimal(2, 2).format(value);
  }

  /** Up to four decimals (model parameters). */
  String precise(Double value) {
    return value == null || !Double.isFinite(value) ? NONE : decimal(0, 4).format(value);
  }

  String percent(double share) {
    if (!Double.isFinite(share)) {
      return NONE;
    }
    NumberFormat f = NumberFormat.getPercentInstance(locale);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(share);
  }

  String percent(Double share) {
    return share == null ? NONE : percent(share.doubleValue());
  }

  String share(long part, long whole) {
    return whole > 0 ? percent((double) part / whole) : NONE;
  }

  String share(BigDecimal part, BigDecimal whole) {
    return whole.signum() != 0 ? percent(part.doubleValue() / whole.doubleValue()) : NONE;
  }

  private DecimalFormat decimal(int minFraction, int maxFraction) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    f.setMinimumFractionDigits(minFraction);
    f.setMaximumFractionDigits(maxFraction);
    return f;
  }
}
