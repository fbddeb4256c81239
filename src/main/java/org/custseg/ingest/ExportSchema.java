package org.custseg.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;
import org.custseg.schema.Columns;

/** Schemas of the ingest stages. */
public final class ExportSchema {

  public static final String PARSE_ERROR = "parse_error";
  public static final String PARSE_DETAIL = "parse_detail";

  /**
   * What a physical line is when it is no data line: {@link #HEADER_LINE} or {@link #BLANK_LINE}
   * (null for a data line). The header line carries the header's problem, if any, as its detail.
   */
  public static final String LINE_KIND = "line_kind";

  public static final String HEADER_LINE = "header";
  public static final String BLANK_LINE = "blank";

  /**
   * Every field of the export row (mapped or not), trimmed, in file order, joined by U+001F: what
   * "the same full row" compares.
   */
  public static final String ALL_FIELDS = "all_fields";

  /** Every logical column as text, as split from the export line. */
  public static final StructType PARSED =
      new StructType()
          .add(Columns.SOURCE_FILE, StringType, false)
          .add(Columns.LINE_NUMBER, LongType, false)
          .add(Columns.RAW_LINE, StringType, true)
          .add(Columns.TRANSACTION_ID, StringType, true)
          .add(Columns.CUSTOMER_ID, StringType, true)
          .add(Columns.ORDER_TS, StringType, true)
          .add(Columns.AMOUNT, StringType, true)
          .add(Columns.CURRENCY, StringType, true)
          .add(Columns.QUANTITY, StringType, true)
          .add(Columns.UNIT_PRICE, StringType, true)
          .add(Columns.STORE_ID, StringType, true)
          .add(Columns.CHANNEL, StringType, true)
          .add(Columns.COUNTRY, StringType, true)
          .add(ALL_FIELDS, StringType, true)
          .add(PARSE_ERROR, StringType, true)
          .add(PARSE_DETAIL, StringType, true)
          .add(LINE_KIND, StringType, true)
          .add(Columns.ABSENT_COLUMNS, StringType, true);

  private ExportSchema() {}
}
