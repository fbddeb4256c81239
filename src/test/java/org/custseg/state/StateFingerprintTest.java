package org.custseg.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.custseg.config.InputSettings;
import org.custseg.config.binding.SettingsLoader;
import org.custseg.support.TestSettings;
import org.junit.jupiter.api.Test;

/** The fingerprint changes exactly when a setting that shapes the state changes. */
class StateFingerprintTest {

  private static final InputSettings DEFAULTS = TestSettings.defaults().input();

  private static InputSettings inputWith(String key, String value) {
    return SettingsLoader.standard().load(null, Map.of(key, value)).settings().input();
  }

  @Test
  void isAShortHexDigestThatDoesNotChangeBetweenCalls() {
    String f = StateFingerprint.of(DEFAULTS, 1, 365);

    assertThat(f).matches("[0-9a-f]{24}");
    assertThat(StateFingerprint.of(DEFAULTS, 1, 365)).isEqualTo(f);
  }

  @Test
  void theInputPathDoesNotShapeTheState() {
    // A run may read a wider directory than the one before it: the state still applies.
    assertThat(StateFingerprint.of(DEFAULTS.withPath("/exports/other"), 1, 365))
        .isEqualTo(StateFingerprint.of(DEFAULTS, 1, 365));
  }

  @Test
  void howExportsAreReadShapesTheState() {
    InputSettings semicolons = inputWith("segmentation.input.delimiter", ";");
    InputSettings otherZone = inputWith("segmentation.input.time-zone", "Europe/Berlin");

    String base = StateFingerprint.of(DEFAULTS, 1, 365);
    assertThat(StateFingerprint.of(semicolons, 1, 365)).isNotEqualTo(base);
    assertThat(StateFingerprint.of(otherZone, 1, 365)).isNotEqualTo(base);
  }

  @Test
  void theFutureToleranceAndTheTrailingWindowShapeTheState() {
    String base = StateFingerprint.of(DEFAULTS, 1, 365);

    assertThat(StateFingerprint.of(DEFAULTS, 2, 365)).isNotEqualTo(base);
    assertThat(StateFingerprint.of(DEFAULTS, 1, 180)).isNotEqualTo(base);
  }
}
