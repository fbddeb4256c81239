package org.custseg.support;

import org.custseg.config.InputSettings;
import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;
import org.custseg.config.binding.LoadedSettings;
import org.custseg.config.binding.SettingsLoader;

/**
 * The default settings for tests, bound from the bundled application.yml the way the application
 * binds them (the one place a default is written); variants come from the records' {@code with...}
 * methods or constructors.
 */
public final class TestSettings {

  private static final LoadedSettings DEFAULTS = SettingsLoader.bundledDefaults();

  private TestSettings() {}

  public static Settings defaults() {
    return DEFAULTS.settings();
  }

  public static RfmSegmentTable segmentTable() {
    return DEFAULTS.segmentTable();
  }

  /** The default input settings, reading {@code path}. */
  public static InputSettings input(String path) {
    return defaults().input().withPath(path);
  }
}
