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
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DecimalType;

/**
 * Writes a (possibly large) Dataset as ONE CSV file with a stable name, formatted by its
 * {@link ColumnSpec}s exactly as {@link CsvCells} formats small reports. Spark writes a single
 * part file on an executor (nothing is collected to the driver); the part file is then renamed.
 */
public final class DatasetCsvWriter {

  private DatasetCsvWriter() {}

  public static void write(Dataset<Row> data, List<ColumnSpec> specs, Path file, boolean bom) {
    Configuration conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Path tmp = new Path(file.getParent(), "_tmp_" + file.getName());
    data.select(specs.stream().map(DatasetCsvWriter::formatted).toArray(Column[]::new))
        .coalesce(1)
        .write()
        .mode("overwrite")
        .option("header", true)
        .option("escape", "\"")
        .option("lineSep", "\n")
        .option("nullValue", "")
        .csv(tmp.toString());
    try {
      FileSystem fs = tmp.getFileSystem(conf);
      FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*"));
      if (parts == null || parts.length != 1) {
        throw new IOException("expected one part file in " + tmp);
      }
      fs.delete(file, false);
      if (bom) {
        try (InputStream in = fs.open(parts[0].getPath());
            OutputStream out = fs.create(file, true)) {
          out.write(CsvCells.BOM.getBytes(StandardCharsets.UTF_8));
          in.transferTo(out);
        }
      } else if (!fs.rename(parts[0].getPath(), file)) {
        throw new IOException("rename failed");
      }
      fs.delete(tmp, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static Column formatted(ColumnSpec spec) {
    Column c = col(spec.name());
    Column out = switch (spec.kind()) {
      case MONEY -> c.cast(new DecimalType(38, 2)).cast("string");
      case RATIO -> c.cast(new DecimalType(38, 4)).cast("string");
      case NUMBER -> c.cast(new DecimalType(38, 6)).cast("string");
      case DATE -> date_format(c, "yyyy-MM-dd");
      case TEXT -> when(c.rlike(CsvCells.FORMULA_START), concat(lit("'"), c)).otherwise(c);
      default -> c.cast("string");
    };
    return out.as(spec.name());
  }
}
