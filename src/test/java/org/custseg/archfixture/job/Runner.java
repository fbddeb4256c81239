package org.custseg.archfixture.job;

import org.custseg.archfixture.schema.Vocabulary;
import org.springframework.core.env.Environment;

/** Fixture: the top layer using a lower one and Spring, as the job may. */
public final class Runner {

  private Runner() {}

  static String run(Environment env) {
    return Vocabulary.NAME + env.getProperty("y");
  }
}
