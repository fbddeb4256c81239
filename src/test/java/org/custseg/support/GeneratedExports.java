package org.custseg.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.custseg.sample.SampleWriter;
import org.custseg.sample.SimulationParameters;
import org.custseg.sample.TransactionSimulator;

/** Daily CSV exports from the sample generator, with its default noise (dirty and re-sent rows). */
public final class GeneratedExports {

  private GeneratedExports() {}

  /**
   * @param customers how many customers the simulation starts with
   * @param lastDay the last export's date
   * @param days how many days of exports, ending on {@code lastDay}
   */
  public static Path write(Path dir, int customers, LocalDate lastDay, int days, long seed)
      throws IOException {
    new SampleWriter(
            new TransactionSimulator(
                SimulationParameters.defaults(), customers, lastDay, days, seed),
            SampleWriter.NoiseOptions.defaults(),
            SampleWriter.Format.CSV)
        .write(dir);
    return dir;
  }
}
