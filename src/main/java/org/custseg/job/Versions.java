package org.custseg.job;

/** The software version, from the jar manifest (or "dev" when run from classes). */
public final class Versions {

  private Versions() {}

  public static String application() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
