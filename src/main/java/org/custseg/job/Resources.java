package org.custseg.job;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Memory the driver process used, for the manifest and the benchmark. */
final class Resources {

  private Resources() {}

  static Map<String, Object> snapshot() {
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    // The sum of each heap pool's own peak: an upper bound of the peak heap in use.
    m.put("driver_peak_heap_bytes", peakHeap);
    m.put("driver_max_heap_bytes", Runtime.getRuntime().maxMemory());
    m.put("driver_peak_rss_bytes", peakRss());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    return m;
  }

  /** VmHWM of this process on Linux (peak resident memory), or null elsewhere. */
  private static Long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }
}
