package org.custseg.archfixture.ingest;

import org.custseg.archfixture.sample.Generator;
import org.custseg.archfixture.schema.Vocabulary;
import org.springframework.core.env.Environment;

/** Fixture: a stage using a lower layer (fine), a tool and Spring (both wrong). */
public final class Reader {

  private Reader() {}

  static String read(Environment env) {
    return Vocabulary.NAME + Generator.seed() + env.getProperty("x");
  }
}
