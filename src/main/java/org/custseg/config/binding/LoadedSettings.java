package org.custseg.config.binding;

import org.custseg.config.RfmSegmentTable;
import org.custseg.config.Settings;

/** The bound settings and the RFM segment table built from them. */
public record LoadedSettings(Settings settings, RfmSegmentTable segmentTable) {}
