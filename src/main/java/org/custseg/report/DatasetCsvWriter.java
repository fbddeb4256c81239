package org.custseg.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;

/**
 * Writes a (possibly large) Dataset as ONE CSV file with a stable name, formatted by its {@link
 * ColumnSpec}s exactly as {@link CsvCells} formats small reports. Spark writes the part files in
 * parallel, one per partition (nothing is collected to the driver); the header and the parts, in
 * partition order, are then streamed into the one file (constant memory).
 */
public final class DatasetCsvWriter {

  private DatasetCsvWriter() {}

  public static void write(Dataset<Row> data, List<ColumnSpec> specs, Path file, boolean bom) {
    Configuration conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Path tmp = new Path(file.getParent(), "_tmp_" + file.getName());
    data.select(specs.stream().map(spec -> formatted(spec, data.schema())).toArray(Column[]::new))
        .write()
        .mode("overwrite")
        .option("header", false)
        .option("escape", "\"")
        .option("lineSep", "\n")
        .option("nullValue", "")
        .csv(tmp.toString());
    try {
      FileSystem fs = tmp.getFileSystem(conf);
      FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*"));
      if (parts == null) {
        throw new IOException("no part files in " + tmp);
      }
      // Part files are numbered by partition: in name order they keep the Dataset's order.
      Arrays.sort(parts, Comparator.comparing(p -> p.getPath().getName()));
      fs.delete(file, false);
      try (OutputStream out = fs.create(file, true)) {
        if (bom) {
          out.write(CsvCells.BOM.getBytes(StandardCharsets.UTF_8));
        }
        out.write(header(specs).getBytes(StandardCharsets.UTF_8));
        for (FileStatus part : parts) {
          try (InputStream in = fs.open(part.getPath())) {
            in.transferTo(out);
          }
        }
      }
      fs.delete(tmp, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static DecimalType fixed(org.apache.spark.sql.types.DataType type, int scale) {
    if (type instanceof DecimalType d) {
      // integer digits, one more for a rounding carry, and the fixed scale
      return new DecimalType(
          Math.min(38, Math.max(d.precision() - d.scale(), 1) + 1 + scale), scale);
    }
    return new DecimalType(38, scale);
  }

  /** The header line: the column names (plain identifiers, so never quoted). */
  static String header(List<ColumnSpec> specs) {
    return specs.stream().map(ColumnSpec::name).collect(Collectors.joining(",")) + "\n";
  }

  static Column formatted(ColumnSpec spec) {
    return formatted(spec, null);
  }

  /**
   * The column as text. Decimals are rounded to the report's fixed scale through the narrowest
   * decimal type that holds them (up to 18 digits Spark computes with longs, several times faster
   * than with the 38 digits a double needs).
   */
  static Column formatted(ColumnSpec spec, org.apache.spark.sql.types.StructType schema) {
    Column c = col(spec.name());
    org.apache.spark.sql.types.DataType type =
        schema == null ? null : schema.apply(spec.name()).dataType();
    Column out =
        switch (spec.kind()) {
          case MONEY -> c.cast(fixed(type, 2)).cast("string");
          case RATIO -> c.cast(fixed(type, 4)).cast("string");
          case NUMBER -> c.cast(fixed(type, 6)).cast("string");
          case DATE -> date_format(c, "yyyy-MM-dd");
          case TEXT -> when(c.rlike(CsvCells.FORMULA_START), concat(lit("'"), c)).otherwise(c);
          default -> c.cast("string");
        };
    return out.as(spec.name());
  }
}
