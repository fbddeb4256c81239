package org.custseg.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** Writes a {@link ReportTable} as one CSV file: UTF-8, a header, RFC 4180 quoting. */
public final class CsvReportWriter {

  private CsvReportWriter() {}

  public static void write(ReportTable table, Path dir, boolean bom, Configuration conf) {
    Path file = new Path(dir, table.fileName());
    try (Writer w = OutputFiles.writer(file, conf)) {
      if (bom) {
        w.write(CsvCells.BOM);
      }
      CSVPrinter printer =
          new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
      printer.printRecord(table.columns().stream().map(ColumnSpec::name).toList());
      for (List<Object> row : table.rows()) {
        Object[] cells = new Object[row.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = CsvCells.format(row.get(i), table.columns().get(i).kind());
        }
        printer.printRecord(cells);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
