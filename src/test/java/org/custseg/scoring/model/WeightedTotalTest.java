package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The log-likelihood of many distinct triples is summed in fixed chunks on several cores: the same
 * number on every call and any number of cores (the chunks added in order), equal to the one-loop
 * sum up to rounding, and exactly the one-loop sum below one chunk.
 */
class WeightedTotalTest {

  private static List<CustomerTriple> triples(int n) {
    SplittableRandom random = new SplittableRandom(7);
    List<CustomerTriple> triples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double bigT = 1 + random.nextInt(200);
      int x = random.nextInt(20);
      double tx = x == 0 ? 0 : random.nextDouble() * bigT;
      triples.add(new CustomerTriple(x, tx, bigT, 1 + random.nextInt(50)));
    }
    return triples;
  }

  /** The plain loop, through an Iterable that is no List (which is never split). */
  private static double oneLoop(
      double[] p,
      List<CustomerTriple> triples,
      double[] gradient,
      TransactionModelFit.CustomerLikelihood one) {
    Iterable<CustomerTriple> iterable = triples::iterator;
    return TransactionModelFit.weightedTotal(p, iterable, gradient, one);
  }

  @Test
  void chunkedSumsAreDeterministicAndMatchTheOneLoopSum() {
    List<CustomerTriple> many = triples(5 * TransactionModelFit.CHUNK + 123);
    double[] p = {0.55, 10.6, 0.61, 11.7};
    TransactionModelFit.CustomerLikelihood pareto =
        (q, x, tx, T, g) -> ParetoNbdModel.logLikelihood(q, x, tx, T);

    double chunked = TransactionModelFit.weightedTotal(p, many, null, pareto);
    double plain = oneLoop(p, many, null, pareto);

    double inOrder = 0;
    for (int i = 0; i < many.size(); i += TransactionModelFit.CHUNK) {
      List<CustomerTriple> part =
          many.subList(i, Math.min(many.size(), i + TransactionModelFit.CHUNK));
      inOrder += oneLoop(p, part, null, pareto);
    }
    assertThat(chunked).isEqualTo(inOrder);
    for (int run = 0; run < 5; run++) {
      assertThat(TransactionModelFit.weightedTotal(p, many, null, pareto)).isEqualTo(chunked);
    }
    assertThat(chunked).isCloseTo(plain, within(Math.abs(plain) * 1e-12));
  }

  @Test
  void gradientsAreSummedByChunkToo() {
    List<CustomerTriple> many = triples(3 * TransactionModelFit.CHUNK + 5);
    BgNbdModel model = BgNbdModel.of(0.24, 4.41, 0.79, 2.43);
    double[] p = {0.24, 4.41, 0.79, 2.43};
    double[] chunked = new double[4];
    double[] plain = new double[4];

    double total = TransactionModelFit.weightedTotal(p, many, chunked, model.likelihood());
    double plainTotal = oneLoop(p, many, plain, model.likelihood());

    assertThat(total).isCloseTo(plainTotal, within(Math.abs(plainTotal) * 1e-12));
    for (int k = 0; k < 4; k++) {
      assertThat(chunked[k]).isCloseTo(plain[k], within(Math.abs(plain[k]) * 1e-9 + 1e-9));
    }
    assertThat(model.gradient(many)).containsExactly(chunked);
  }

  @Test
  void belowOneChunkTheSumIsTheOneLoopSum() {
    List<CustomerTriple> few = triples(TransactionModelFit.CHUNK);
    double[] p = {0.55, 10.6, 0.61, 11.7};
    TransactionModelFit.CustomerLikelihood pareto =
        (q, x, tx, T, g) -> ParetoNbdModel.logLikelihood(q, x, tx, T);

    assertThat(TransactionModelFit.weightedTotal(p, few, null, pareto))
        .isEqualTo(oneLoop(p, few, null, pareto));
  }
}
