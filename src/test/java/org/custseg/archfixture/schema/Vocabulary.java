package org.custseg.archfixture.schema;

import org.custseg.archfixture.job.Runner;

/** Fixture: the lowest layer importing the highest, against the pipeline order. */
public final class Vocabulary {

  public static final String NAME = "name";

  private Vocabulary() {}

  static String backImport() {
    return Runner.class.getSimpleName();
  }
}
