package org.custseg.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.custseg.support.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing the input: names are taken literally, symbolic links are followed at most once, and every
 * file that is not read is listed with its reason.
 */
class ExportListingTest extends SparkTestBase {

  private static final String HEADER = "transaction_id,customer_id,order_ts,amount,currency\n";
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 31);

  @TempDir Path dir;

  private static Configuration conf() {
    return spark().sparkContext().hadoopConfiguration();
  }

  private static ExportFiles.Listing list(Path input) {
    return ExportFiles.listing(input.toString(), ExportFiles.DEFAULT_INCLUDE, conf());
  }

  private static List<String> names(List<String> files) {
    return files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList();
  }

  private static Map<String, String> skipped(ExportFiles.Listing listing, Path root) {
    Map<String, String> out = new LinkedHashMap<>();
    String prefix = root.toUri().getPath();
    for (ExportFiles.Skipped s : listing.skipped()) {
      String path = new org.apache.hadoop.fs.Path(s.file()).toUri().getPath();
      out.put(path.substring(prefix.length()), s.reason());
    }
    return out;
  }

  /** The corpus copied into a temporary directory (symbolic links cannot live in git). */
  private Path corpusCopy() throws IOException {
    Path copy = Files.createDirectories(dir.resolve("corpus"));
    try (Stream<Path> files = Files.list(IngestFixtures.resource("ingest/corpus"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void aSymlinkLoopIsListedOnceAndEveryFileIsReadOnce() throws IOException {
    Path corpus = corpusCopy();
    IngestFixtures.InputBuilder input = new IngestFixtures.InputBuilder(corpus.toString());
    IngestCounts plain =
        IngestFixtures.counts(spark(), input.build(), RUN_DATE, RUN_DATE.plusDays(1));

    // ln -s . loop; a second link to one file; a link to nowhere
    Files.createSymbolicLink(corpus.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(
        corpus.resolve("again_2025-01-10.csv"), Path.of("good_2025-01-10.csv"));
    Files.createSymbolicLink(corpus.resolve("gone_2025-01-10.csv"), Path.of("nowhere.csv"));
    ExportFiles.Listing listing = list(corpus);
    IngestCounts linked =
        IngestFixtures.counts(spark(), input.build(), RUN_DATE, RUN_DATE.plusDays(1));

    assertThat(linked.inputRows()).isEqualTo(plain.inputRows()).isEqualTo(56);
    assertThat(linked.files()).hasSameSizeAs(plain.files());
    assertThat(skipped(listing, corpus))
        .containsOnly(
            entry(".hidden_2025-01-23.csv", "hidden"),
            entry("README.md", "name_filter"),
            entry("_hidden_2025-01-23.csv", "hidden"),
            entry("good_2025-01-10.csv", "duplicate_path"),
            entry("gone_2025-01-10.csv", "broken_link"),
            entry("loop", "symlink_loop"));
    // the link sorts first, so it is read and the file itself is the duplicate
    assertThat(names(listing.exports())).contains("again_2025-01-10.csv");
  }

  @Test
  void aLinkToADirectoryListedElsewhereIsFollowedOnce() throws IOException {
    Path a = Files.createDirectories(dir.resolve("in/a"));
    Files.writeString(a.resolve("tx_2025-01-10.csv"), HEADER, StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("in/b"), Path.of("a"));
    Files.createSymbolicLink(a.resolve("up"), Path.of(".."));

    ExportFiles.Listing listing = list(dir.resolve("in"));

    assertThat(names(listing.exports())).containsExactly("tx_2025-01-10.csv");
    assertThat(skipped(listing, dir.resolve("in")))
        .containsOnly(entry("a/up", "symlink_loop"), entry("b", "duplicate_path"));
  }

  @Test
  void namesWithGlobCharactersAreReadLiterally() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<String> names =
        List.of(
            "weird[1]_2025-01-10.csv",
            "star*_2025-01-10.csv",
            "brace{a,b}_2025-01-10.csv",
            "back\\slash?_2025-01-10.csv",
            "comma,name_2025-01-10.csv");
    for (int i = 0; i < names.size(); i++) {
      Files.writeString(
          in.resolve(names.get(i)),
          HEADER + "W" + i + ",C1,2025-01-10 10:00:00,10.00,EUR\n",
          StandardCharsets.UTF_8);
    }
    // a Parquet export (a directory of part files) under a name with glob characters
    spark()
        .createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create(
                    "P1", "C1", "2025-01-10 10:00:00", "1.00", "EUR")),
            new org.apache.spark.sql.types.StructType()
                .add("transaction_id", "string")
                .add("customer_id", "string")
                .add("order_ts", "string")
                .add("amount", "string")
                .add("currency", "string"))
        .coalesce(1)
        .write()
        .parquet(in.resolve("p[1]{x}_2025-01-10.parquet").toString());
    // a file that the unescaped glob weird[1] would match instead
    Files.writeString(in.resolve("weird1_2025-01-10.csv"), HEADER, StandardCharsets.UTF_8);

    IngestFixtures.InputBuilder input = new IngestFixtures.InputBuilder(in.toString());
    IngestCounts counts = IngestFixtures.counts(spark(), input.build(), RUN_DATE, RUN_DATE);
    assertThat(counts.cleanRows()).isEqualTo(6);
    assertThat(counts.files().values()).extracting(IngestCounts.FileCounts::inputRows).contains(1L);

    // The file itself given as --input is that file, not a pattern.
    IngestFixtures.InputBuilder one =
        new IngestFixtures.InputBuilder(in.resolve("weird[1]_2025-01-10.csv").toString());
    assertThat(IngestFixtures.counts(spark(), one.build(), RUN_DATE, RUN_DATE).cleanRows())
        .isEqualTo(1);
  }

  @Test
  void anInputThatIsAGlobIsExpandedAndHiddenMatchesAreSkipped() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("tx_2025-01-10.csv"), HEADER, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("tx_2025-01-11.csv"), HEADER, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("_tx_2025-01-12.csv"), HEADER, StandardCharsets.UTF_8);

    ExportFiles.Listing listing =
        ExportFiles.listing(in + "/*tx_2025-01-1[01].csv", ExportFiles.DEFAULT_INCLUDE, conf());
    assertThat(names(listing.exports())).containsExactly("tx_2025-01-10.csv", "tx_2025-01-11.csv");

    ExportFiles.Listing all =
        ExportFiles.listing(in + "/*.csv", ExportFiles.DEFAULT_INCLUDE, conf());
    assertThat(skipped(all, in)).containsOnly(entry("_tx_2025-01-12.csv", "hidden"));
    // the exports' size, from the listing: the skipped file does not count
    assertThat(all.exportBytes()).isEqualTo(2L * HEADER.length());
  }

  @Test
  void noExportLeftNamesWhatWasSkipped() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("README.md"), "notes", StandardCharsets.UTF_8);
    Files.writeString(in.resolve("_SUCCESS"), "", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> list(in))
        .isInstanceOf(InputNotFoundException.class)
        .hasMessage(
            "no export files found at "
                + in
                + " (skipped: 1 hidden, 1 name_filter; see segmentation.input.include)");
  }

  @Test
  void escapingKeepsEveryNameLiteral() {
    assertThat(ExportFiles.escape("/x/a[1]{b,c}*?\\.csv"))
        .isEqualTo("/x/a\\[1\\]\\{b\\,c\\}\\*\\?\\\\.csv");
  }
}
