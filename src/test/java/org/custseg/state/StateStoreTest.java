package org.custseg.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout of {@code _state/}, its meta.json round trip and the choice of the state to use. */
class StateStoreTest {

  private static final Configuration CONF = new Configuration();

  @TempDir Path output;

  private StateStore store() {
    return StateStore.under(new org.apache.hadoop.fs.Path(output.toUri()));
  }

  private static StateMeta meta(String runDate, String base) {
    return new StateMeta(
        runDate,
        base == null ? "full" : "incremental",
        base,
        "abc123",
        StateMeta.FORMAT_VERSION,
        Map.of("/exports/tx_" + runDate + ".csv", new FileStamp(120, 1_700_000_000_000L)),
        base == null ? List.of(runDate) : List.of(base, runDate),
        new IngestHistory(
            base == null ? 1 : 2, "2025-03-01", 10, 7, 1, Map.of("bad_amount", 1L), 1, 1, 2),
        "EUR");
  }

  private void keep(StateMeta meta) throws Exception {
    Path file = output.resolve("_state").resolve("run_date=" + meta.runDate()).resolve("meta.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, StateStore.json(meta), StandardCharsets.UTF_8);
  }

  @Test
  void everyPartHasItsPlaceUnderState() {
    StateStore s = store();
    LocalDate d = LocalDate.of(2025, 3, 1);

    assertThat(s.root().getName()).isEqualTo("_state");
    assertThat(s.customers(d).toString()).endsWith("/_state/run_date=2025-03-01/customers");
    assertThat(s.pending(d).toString()).endsWith("/_state/run_date=2025-03-01/pending");
    assertThat(s.meta(d).toString()).endsWith("/_state/run_date=2025-03-01/meta.json");
    assertThat(s.keys("2025-03-01").toString()).endsWith("/_state/keys/run_date=2025-03-01");
  }

  @Test
  void metaJsonReadsBackAsWritten() throws Exception {
    StateMeta written = meta("2025-03-02", "2025-03-01");
    keep(written);

    assertThat(store().read(LocalDate.of(2025, 3, 2), CONF)).isEqualTo(written);
  }

  @Test
  void aMetaKeptBeforeHistoriesReadsWithoutOne() throws Exception {
    Path file = output.resolve("_state/run_date=2025-03-01/meta.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"runDate\":\"2025-03-01\",\"mode\":\"full\",\"baseRunDate\":null,"
            + "\"fingerprint\":\"abc123\",\"formatVersion\":1,\"files\":{},"
            + "\"keyChain\":[\"2025-03-01\"]}");

    StateMeta read = store().read(LocalDate.of(2025, 3, 1), CONF);

    assertThat(read.history()).isNull();
    assertThat(read.keyChain()).containsExactly("2025-03-01");
  }

  @Test
  void theStateToContinueIsTheLatestOneStrictlyBeforeTheRunDate() throws Exception {
    keep(meta("2025-03-01", null));
    keep(meta("2025-03-03", "2025-03-01"));
    keep(meta("2025-03-05", "2025-03-03"));

    assertThat(store().latestBefore(LocalDate.of(2025, 3, 5), CONF))
        .map(StateMeta::runDate)
        .contains("2025-03-03");
    assertThat(store().latestBefore(LocalDate.of(2025, 3, 4), CONF))
        .map(StateMeta::runDate)
        .contains("2025-03-03");
    assertThat(store().latestBefore(LocalDate.of(2025, 3, 1), CONF)).isEmpty();
  }

  @Test
  void aStateWithoutItsMetaIsNotUsed() throws Exception {
    // meta.json is written last when a run publishes: without it the state is half-kept.
    Files.createDirectories(output.resolve("_state/run_date=2025-03-01/customers"));

    assertThat(store().latestBefore(LocalDate.of(2025, 3, 2), CONF)).isEmpty();
  }

  @Test
  void noStateDirectoryMeansNoState() {
    assertThat(store().latestBefore(LocalDate.of(2025, 3, 2), CONF)).isEmpty();
  }

  @Test
  void aMissingMetaIsAnErrorNamingTheFile() {
    assertThatThrownBy(() -> store().read(LocalDate.of(2025, 3, 9), CONF))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot read the state")
        .hasMessageContaining("run_date=2025-03-09/meta.json");
  }

  @Test
  void stampsAreTheSizeAndModificationTimeOfEachFile() throws Exception {
    Path a = Files.writeString(output.resolve("a.csv"), "h\n1\n");
    Path b = Files.writeString(output.resolve("b.csv"), "h\n");
    Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));

    Map<String, FileStamp> stamps =
        StateStore.stamps(List.of(a.toUri().toString(), b.toUri().toString()), CONF);

    assertThat(stamps).containsOnlyKeys(a.toUri().toString(), b.toUri().toString());
    assertThat(stamps.get(a.toUri().toString())).isEqualTo(new FileStamp(4, 1_000_000L));
    assertThat(stamps.get(b.toUri().toString()).size()).isEqualTo(2);
  }

  @Test
  void aVanishedInputFileIsAnError() {
    String gone = output.resolve("gone.csv").toUri().toString();

    assertThatThrownBy(() -> StateStore.stamps(List.of(gone), CONF))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot stat the input files");
  }
}
