package org.custseg.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Writes a (possibly large) Dataset as ONE CSV file with a stable name, every cell formatted by its
 * {@link ColumnSpec} with {@link CsvCells} and quoted as {@link CsvReportWriter} quotes small
 * reports (RFC 4180), so a large file and a small report read the same. Each partition formats its
 * rows into lines in parallel (nothing is collected to the driver) and Spark writes them as part
 * files; the header and the parts, in partition order, are then streamed into the one file
 * (constant memory).
 *
 * <p>The lines are formatted in Java rather than by Spark's CSV writer over cast columns: at 5.2
 * million customers Spark's decimal casts and per-cell regular expression cost 116 s of CPU for
 * customers.csv (docs/benchmark.md).
 */
public final class DatasetCsvWriter {

  /** How cells are quoted: as the small reports ({@link CsvReportWriter}). */
  static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private DatasetCsvWriter() {}

  public static void write(Dataset<Row> data, List<ColumnSpec> specs, Path file, boolean bom) {
    Configuration conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Path tmp = new Path(file.getParent(), "_tmp_" + file.getName());
    String[] names = specs.stream().map(ColumnSpec::name).toArray(String[]::new);
    ColumnSpec.Kind[] kinds = specs.stream().map(ColumnSpec::kind).toArray(ColumnSpec.Kind[]::new);
    Dataset<Row> cells = data.select(Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new));
    cells
        .mapPartitions(new Lines(kinds), Encoders.STRING())
        .write()
        .mode("overwrite")
        .text(tmp.toString());
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

  /** The header line: the column names (plain identifiers, so never quoted). */
  static String header(List<ColumnSpec> specs) {
    return specs.stream().map(ColumnSpec::name).collect(Collectors.joining(",")) + "\n";
  }

  /**
   * Whether {@link #FORMAT} writes {@code cell} as it is (no quotes): not empty, not starting with
   * a character up to {@code #} or ending with one up to a space, holding no comma, quote or line
   * break. Those cells, most of a large table, are appended directly; the others go through {@link
   * #FORMAT}.
   */
  static boolean plain(String cell) {
    int n = cell.length();
    if (n == 0 || cell.charAt(0) <= '#' || cell.charAt(n - 1) <= ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  /** One CSV line (without its line break) per row, the cells in the specs' order. */
  private static final class Lines implements MapPartitionsFunction<Row, String> {
    private static final long serialVersionUID = 1L;
    private final ColumnSpec.Kind[] kinds;

    Lines(ColumnSpec.Kind[] kinds) {
      this.kinds = kinds;
    }

    @Override
    public Iterator<String> call(Iterator<Row> rows) {
      StringBuilder line = new StringBuilder(512);
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public String next() {
          Row r = rows.next();
          line.setLength(0);
          try {
            for (int i = 0; i < kinds.length; i++) {
              String cell = CsvCells.format(r.get(i), kinds[i]);
              if (plain(cell)) {
                if (i > 0) {
                  line.append(',');
                }
                line.append(cell);
              } else {
                FORMAT.print(cell, line, i == 0);
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return line.toString();
        }
      };
    }
  }
}
