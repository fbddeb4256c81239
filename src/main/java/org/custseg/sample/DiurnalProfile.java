package org.custseg.sample;

import java.util.Arrays;

/** When in the day orders happen: the relative order intensity per local hour. */
final class DiurnalProfile {

  /** Relative order intensity per local hour 0..23. */
  private static final double[] HOURLY_WEIGHTS = {
    0.30, 0.15, 0.10, 0.08, 0.08, 0.15, 0.40, 0.80, 1.20, 1.60, 2.00, 2.20,
    2.40, 2.30, 2.10, 2.00, 2.10, 2.40, 2.70, 2.90, 2.80, 2.20, 1.40, 0.70
  };

  /** HOUR_CDF[h] = share of a day's orders before hour h; HOUR_CDF[24] = 1. */
  private static final double[] HOUR_CDF = new double[25];

  static {
    double total = Arrays.stream(HOURLY_WEIGHTS).sum();
    double s = 0;
    for (int h = 0; h < 24; h++) {
      HOUR_CDF[h] = s / total;
      s += HOURLY_WEIGHTS[h];
    }
    HOUR_CDF[24] = 1.0;
  }

  private DiurnalProfile() {}

  /** day + frac, kept strictly inside the day despite rounding. */
  static double inDay(int day, double frac) {
    return Math.min(day + frac, Math.nextDown(day + 1.0));
  }

  /** Second of the local day (0..86399) for a fraction of the day, through the diurnal profile. */
  static int secondOfDay(double frac) {
    int h = 0;
    while (h < 23 && frac >= HOUR_CDF[h + 1]) {
      h++;
    }
    double within = (frac - HOUR_CDF[h]) / (HOUR_CDF[h + 1] - HOUR_CDF[h]);
    int s = h * 3600 + (int) Math.floor(within * 3600.0);
    return Math.max(0, Math.min(86_399, s));
  }
}
