package org.custseg.config.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.custseg.config.ConfigurationException;
import org.custseg.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one binding path: layers, unknown keys, type errors, invalid YAML, rejected values. */
class SettingsLoaderTest {

  @TempDir Path dir;

  private LoadedSettings load(String yaml) throws Exception {
    Path file = dir.resolve("my.yml");
    Files.writeString(file, yaml);
    return SettingsLoader.standard().load(file, Map.of());
  }

  private void assertRejected(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(message.replace("FILE", dir.resolve("my.yml").toString()));
  }

  @Test
  void theBundledDefaultsBindWithoutAnyFile() {
    Settings s = SettingsLoader.bundledDefaults().settings();
    assertThat(s.input().path()).isEqualTo("sample-data");
    assertThat(s.quality().maxQuarantineRate()).isEqualTo(0.05);
    assertThat(s.input().timestampFormats()).hasSize(4);
    assertThat(s.input().amountOutlier()).isNull();
    assertThat(s.input().currencies()).isEmpty();
    assertThat(s.relationship().levels().get("few").get("high")).isEqualTo("partnership");
    assertThat(SettingsLoader.bundledDefaults().segmentTable().segmentOf(5, 5, 5))
        .isEqualTo("champions");
  }

  @Test
  void layersWinInOrderAndCommandLineOptionsWinOverFiles() throws Exception {
    Path file = dir.resolve("my.yml");
    Files.writeString(
        file,
        "segmentation:\n  quality:\n    maxQuarantineRate: 0.5\n"
            + "  input:\n    path: from-file\n  output:\n    path: out-file\n");
    Settings s =
        SettingsLoader.standard()
            .load(file, Map.of("segmentation.output.path", "out-option"))
            .settings();
    assertThat(s.quality().maxQuarantineRate()).isEqualTo(0.5);
    assertThat(s.input().path()).isEqualTo("from-file");
    assertThat(s.output().path()).isEqualTo("out-option");
    assertThat(s.pyramid().vipShare()).isEqualTo(0.01);
  }

  @Test
  void userDataSectionsAndTestingKeysAreNotSettingsNames() throws Exception {
    LoadedSettings loaded =
        load(
            "segmentation:\n"
                + "  testing:\n    fail-step: publish\n"
                + "  relationship:\n    depth:\n      vip: social\n");
    assertThat(loaded.settings().relationship().depth().get("vip")).isEqualTo("social");
  }

  @Test
  void aMisspelledKeyIsNamedWithTheNearestValidKey() {
    assertRejected(
        "segmentation:\n  quality:\n    max-quarantine-rat: 0.5\n",
        "unknown setting segmentation.quality.max-quarantine-rat in FILE; "
            + "did you mean segmentation.quality.max-quarantine-rate?");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheKeyAndTheValue() {
    assertRejected(
        "segmentation:\n  quality:\n    max-quarantine-rate: fivepercent\n",
        "segmentation.quality.max-quarantine-rate: 'fivepercent' is not a number "
            + "(in FILE, line 3)");
  }

  @Test
  void invalidYamlNamesTheFileAndTheLine() {
    assertThatThrownBy(() -> load("segmentation:\n  quality:\n    max-quarantine-rate: [0.5\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(dir.resolve("my.yml") + " is not valid YAML: ")
        .hasMessageContaining("at line 4");
  }

  @Test
  void anInvalidTimestampPatternIsRejectedWithTheKeyAndThePattern() {
    assertThatThrownBy(
            () ->
                load(
                    "segmentation:\n  input:\n    timestamp-formats:\n"
                        + "      - \"yyyy-MM-dd bb\"\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "segmentation.input.timestamp-formats: 'yyyy-MM-dd bb' is not a date-time pattern");
  }

  @Test
  void aRecordsOwnCheckNamesTheKey() {
    assertRejected(
        "segmentation:\n  input:\n    delimiter: \";;\"\n",
        "segmentation.input.delimiter must be one character or 'whitespace', got ';;'");
  }

  @Test
  void aBadRfmCodeTableFailsAtLoading() {
    assertThatThrownBy(
            () -> load("segmentation:\n  rfm:\n    segments:\n      vip_only: \"555\"\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("segmentation.rfm.segments is invalid")
        .hasMessageContaining("code 555 is mapped twice");
  }

  @Test
  void theNearestKeyIsByEditDistance() {
    assertThat(KnownKeys.levenshtein("kitten", "sitting")).isEqualTo(3);
    KnownKeys keys =
        new KnownKeys(java.util.List.of("segmentation.a.bc", "segmentation.a.xyz[0]", "other.k"));
    assertThat(keys.nearest("segmentation.a.xy")).isEqualTo("segmentation.a.xyz");
  }
}
