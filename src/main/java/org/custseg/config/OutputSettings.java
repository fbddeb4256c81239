package org.custseg.config;

/** Where outputs go ({@code segmentation.output}). */
public record OutputSettings(String path) {
  public OutputSettings {
    Require.that(path != null && !path.isBlank(), "segmentation.output.path is empty");
  }
}
