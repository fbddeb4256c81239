package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path of the large-file writer quotes exactly as the small reports' CSV format. */
class DatasetCsvWriterTest {

  @Test
  void aCellWrittenAsItIsIsOneTheCsvFormatWouldNotQuote() throws Exception {
    List<String> cells =
        List.of(
            "C00001",
            "champions",
            "0.123456",
            "-12.50",
            "'=SUM(A1)",
            "普通客户",
            "a b",
            "",
            " lead",
            "trail ",
            "#hash",
            "!bang",
            "$dollar",
            "quote\"inside",
            "comma,inside",
            "line\nbreak",
            "cr\rinside",
            "tab\tinside",
            "end\t");
    for (String cell : cells) {
      for (boolean first : new boolean[] {true, false}) {
        StringBuilder viaFormat = new StringBuilder();
        DatasetCsvWriter.FORMAT.print(cell, viaFormat, first);
        if (DatasetCsvWriter.plain(cell)) {
          assertThat(viaFormat.toString()).as(cell).isEqualTo(first ? cell : "," + cell);
        }
      }
    }
    assertThat(cells.stream().filter(DatasetCsvWriter::plain))
        .containsExactly(
            "C00001",
            "champions",
            "0.123456",
            "-12.50",
            "'=SUM(A1)",
            "普通客户",
            "a b",
            "$dollar",
            "tab\tinside");
  }
}
