package org.custseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast path of the large-file writer quotes exactly as the small reports' CSV format. */
class DatasetCsvWriterTest {

  /** Cells the format writes as they are. */
  private static final List<String> PLAIN =
      List.of(
          "C00001",
          "champions",
          "0.123456",
          "-12.50",
          "'=SUM(A1)",
          "普通客户",
          "a b",
          "$dollar",
          "tab\tinside");

  /** Cells the format quotes. */
  private static final List<String> QUOTED =
      List.of(
          "",
          " lead",
          "trail ",
          "#hash",
          "!bang",
          "quote\"inside",
          "comma,inside",
          "line\nbreak",
          "cr\rinside",
          "end\t");

  @Test
  void aCellWrittenAsItIsIsOneTheCsvFormatWouldNotQuote() throws Exception {
    List<String> cells = java.util.stream.Stream.concat(PLAIN.stream(), QUOTED.stream()).toList();
    for (String cell : cells) {
      for (boolean first : new boolean[] {true, false}) {
        StringBuilder viaFormat = new StringBuilder();
        DatasetCsvWriter.FORMAT.print(cell, viaFormat, first);
        if (DatasetCsvWriter.plain(cell)) {
          assertThat(viaFormat.toString()).as(cell).isEqualTo(first ? cell : "," + cell);
        }
      }
    }
    assertThat(cells.stream().filter(DatasetCsvWriter::plain)).containsExactlyElementsOf(PLAIN);
  }
}
