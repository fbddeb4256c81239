package org.custseg.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats CSV cells the way BI tools and spreadsheets read them safely: plain decimals with a fixed
 * scale (never scientific notation), ISO dates, and text that cannot run as a formula.
 */
public final class CsvCells {

  /** Byte-order mark some spreadsheet programs need to detect UTF-8. */
  public static final String BOM = "\uFEFF";

  private CsvCells() {}

  public static String format(Object value, ColumnSpec.Kind kind) {
    if (value == null) {
      return "";
    }
    return switch (kind) {
      case MONEY -> decimal(value, 2);
      case RATIO -> decimal(value, 4);
      case NUMBER -> decimal(value, 6);
      case INTEGER -> value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
      case TEXT -> neutralise(value.toString());
      default -> value.toString();
    };
  }

  private static String decimal(Object value, int scale) {
    BigDecimal d;
    if (value instanceof BigDecimal b) {
      d = b;
    } else if (value instanceof Double x && (x.isNaN() || x.isInfinite())) {
      return "";
    } else if (value instanceof Number n) {
      d = new BigDecimal(n.toString());
    } else {
      d = new BigDecimal(value.toString());
    }
    return d.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * Prefixes a text cell with an apostrophe when it starts with a character a spreadsheet would
   * read as a formula ({@code = + - @}, tab, carriage return): OWASP's advice on CSV injection.
   */
  public static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  /** The regular expression Spark uses to find the same cells. */
  public static final String FORMULA_START = "^[=+\\-@\\t\\r]";
}
