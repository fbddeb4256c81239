package org.custseg.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD against the published CDNOW reference (FHL 2005): r=0.2426, alpha=4.4137, a=0.7930,
 * b=2.4262, LL=-9582.43.
 */
class BgNbdModelCdnowTest {

  @Test
  void logLikelihoodAtPublishedParametersMatchesPaper() {
    List<CustomerTriple> data = CdnowData.triplesInWeeks();
    assertThat(SufficientStats.totalCount(data)).isEqualTo(2357);
    double ll = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262).totalLogLikelihood(data);
    assertThat(ll).isCloseTo(-9582.4, within(0.05));
  }

  @Test
  void fitReproducesPublishedEstimates() {
    List<CustomerTriple> data = CdnowData.triplesInWeeks();
    FitResult<BgNbdModel.Parameters> fit = BgNbdModel.fit(data);
    System.out.printf(
        "BG/NBD CDNOW fit: %s LL=%.4f iterations=%d evaluations=%d gradient=%.2e time=%dms se=%s %s%n",
        fit.params(),
        fit.logLikelihood(),
        fit.iterations(),
        fit.functionEvaluations(),
        fit.gradientNorm(),
        fit.elapsedMillis(),
        fit.standardErrors(),
        fit.message());
    assertThat(fit.converged()).as(fit.message()).isTrue();
    BgNbdModel.Parameters p = fit.paramsOrThrow();
    assertThat(p.r()).isCloseTo(0.2426, within(0.0005));
    assertThat(p.alpha()).isCloseTo(4.4137, within(0.005));
    assertThat(p.a()).isCloseTo(0.7930, within(0.0005));
    assertThat(p.b()).isCloseTo(2.4262, within(0.005));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.43, within(0.05));
  }
}
