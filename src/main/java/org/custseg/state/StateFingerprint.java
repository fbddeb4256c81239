package org.custseg.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.custseg.config.InputSettings;

/**
 * A hash of the settings that shape the state (how exports are read and validated, and the trailing
 * window): a state made under other settings cannot be continued, and the next run recomputes from
 * all history.
 */
public final class StateFingerprint {

  private StateFingerprint() {}

  public static String of(InputSettings input, int futureToleranceDays, int trailingDays) {
    return of(input, futureToleranceDays, trailingDays, Map.of());
  }

  /**
   * The fingerprint with further settings that shape the state, by name (e.g. the minimum date, the
   * reporting currency and the content of its rates file); without any it is the fingerprint of
   * {@link #of(InputSettings, int, int)}.
   */
  public static String of(
      InputSettings input, int futureToleranceDays, int trailingDays, Map<String, String> more) {
    Map<String, Object> shaping = new java.util.LinkedHashMap<>();
    shaping.put("format", StateMeta.FORMAT_VERSION);
    // The input path itself does not shape the state (a run may read a wider directory).
    // Written as the settings records printed before they were renamed, so that a state made
    // before the rename can still be continued.
    shaping.put(
        "input",
        input
            .toString()
            .replace("path=" + input.path() + ", ", "")
            .replace("InputSettings[", "Input[")
            .replace("ColumnMapping[", "Columns["));
    shaping.put("future-tolerance-days", futureToleranceDays);
    shaping.put("trailing-days", trailingDays);
    shaping.putAll(new java.util.TreeMap<>(more));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(shaping.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
