package org.custseg.archfixture.sample;

import org.custseg.archfixture.schema.Vocabulary;

/** Fixture: a tool using a lower layer, as it may. */
public final class Generator {

  private Generator() {}

  public static long seed() {
    return Vocabulary.NAME.length();
  }
}
