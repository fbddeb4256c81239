package org.custseg.scoring.model;

/** Outcome of a maximum-likelihood fit. Only {@link #CONVERGED} estimates should be published. */
public enum FitStatus {
  /**
   * The gradient at the estimate is below the tolerance and no parameter is at its search bound.
   */
  CONVERGED,
  /** The iteration budget ran out before the gradient tolerance was met. */
  MAX_ITERATIONS,
  /** The optimiser stopped (e.g. line search failure) with a gradient above the tolerance. */
  NOT_CONVERGED,
  /**
   * A parameter ended at its search bound: the maximum is at (or beyond) the edge of the parameter
   * space.
   */
  AT_BOUND,
  /** The data cannot identify the parameters (e.g. no repeat purchases, no usable observations). */
  DEGENERATE_DATA,
  /** The likelihood or its gradient was not finite at the start or at the estimate. */
  NUMERICAL_FAILURE
}
