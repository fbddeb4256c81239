package org.custseg.config;

/**
 * Value-pyramid tier shares of the active customers, from the top ({@code segmentation.pyramid}).
 */
public record PyramidSettings(double vipShare, double keyShare, double mediumShare) {
  public PyramidSettings {
    Require.that(
        vipShare > 0 && keyShare > 0 && mediumShare > 0, "segmentation.pyramid shares must be > 0");
    Require.that(
        vipShare + keyShare + mediumShare < 1,
        "segmentation.pyramid vip-share + key-share + medium-share must be < 1, got "
            + (vipShare + keyShare + mediumShare));
  }
}
